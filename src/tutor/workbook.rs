//! The class report as an Excel workbook (`class report --format xlsx`): the CSV's rows and
//! columns on a first sheet, numbers as numbers, a bold and frozen header row, columns wide
//! enough for Chinese names; the hand grades per dimension on a second sheet when there are
//! any. Labels are in the report's language, as in the CSV.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::class::{ClassReport, SheetCell, dimension_heading};
use super::grading::Dimension;
use crate::i18n::{Lang, fill};

/// Excel column widths are in characters of its default font; a CJK character takes two.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 48;
/// The first column's width at least, for the averages row's rule to wrap in a few lines.
const RULE_WIDTH: usize = 24;
/// Excel's default row height, in points.
const LINE_HEIGHT: f64 = 15.0;

/// The workbook's bytes.
pub fn to_xlsx(report: &ClassReport, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let ui = lang.ui();
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    let sheet = book.add_worksheet();
    sheet.set_name(ui.class_title)?;
    let header = report.sheet_header(lang);
    let rows = report.sheet_rows(lang);
    let mut widths = Widths::of(&header);
    write_header(sheet, &header, &bold)?;
    let last = rows.len().saturating_sub(1);
    let mut rule = None;
    if let Some(w) = widths.0.first_mut() {
        *w = (*w).max(RULE_WIDTH);
    }
    for (r, row) in rows.iter().enumerate() {
        let at = row_number(r + 1)?;
        for (c, value) in row.iter().enumerate() {
            let col = col_number(c)?;
            match value {
                SheetCell::Empty => {}
                SheetCell::Number(v) => {
                    sheet.write_number(at, col, one_decimal(*v))?;
                }
                // The averages row's first cell states the rule: a sentence, wrapped in a
                // row tall enough for it (Excel does not grow a row on opening) rather than
                // widening the names' column.
                SheetCell::Text(t) if r == last && c == 0 => {
                    sheet.write_string_with_format(at, col, t, &wrap)?;
                    rule = Some((at, t.width()));
                }
                SheetCell::Text(t) => {
                    sheet.write_string(at, col, t)?;
                    widths.fit(c, t);
                }
            }
        }
    }
    widths.apply(sheet)?;
    if let (Some((at, text)), Some(column)) = (rule, widths.0.first()) {
        let lines = text.div_ceil(column.saturating_sub(2).max(1)).max(1);
        sheet.set_row_height(at, LINE_HEIGHT * lines as f64)?;
    }

    let graded: Vec<_> = report
        .candidates
        .iter()
        .filter(|c| !c.dimensions.is_empty())
        .collect();
    if !graded.is_empty() {
        let sheet = book.add_worksheet();
        sheet.set_name(ui.class_sheet_dimensions)?;
        let mut header = vec![
            ui.class_col_candidate.to_string(),
            ui.class_col_graders.to_string(),
        ];
        for d in Dimension::ALL {
            header.push(dimension_heading(d, ui));
            header.push(fill(ui.class_col_band, &[("name", &d.name_in(lang))]));
        }
        let mut widths = Widths::of(&header);
        write_header(sheet, &header, &bold)?;
        for (r, c) in graded.iter().enumerate() {
            let at = row_number(r + 1)?;
            let graders = c.graders.join(ui.list_sep);
            sheet.write_string(at, 0, &c.name)?;
            sheet.write_string(at, 1, &graders)?;
            widths.fit(0, &c.name);
            widths.fit(1, &graders);
            for (i, d) in Dimension::ALL.into_iter().enumerate() {
                if let Some(v) = c.dimensions.get(&d) {
                    let col = col_number(2 + 2 * i)?;
                    sheet.write_number(at, col, one_decimal(*v))?;
                    sheet.write_string(at, col + 1, d.band_of(*v).name_in(lang))?;
                }
            }
        }
        widths.apply(sheet)?;
    }
    book.save_to_buffer()
}

/// The header row, bold, and frozen so it stays in view while scrolling.
fn write_header(sheet: &mut Worksheet, header: &[String], bold: &Format) -> Result<(), XlsxError> {
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col_number(c)?, h, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// As the markdown and CSV show numbers: one decimal.
fn one_decimal(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn row_number(i: usize) -> Result<u32, XlsxError> {
    u32::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn col_number(i: usize) -> Result<u16, XlsxError> {
    u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Each column's width: its widest text in terminal columns (a CJK character counts two, as
/// it does in Excel), within bounds; numbers fit in the minimum.
struct Widths(Vec<usize>);

impl Widths {
    fn of(header: &[String]) -> Widths {
        let mut w = Widths(vec![MIN_WIDTH; header.len()]);
        for (c, h) in header.iter().enumerate() {
            w.fit(c, h);
        }
        w
    }

    fn fit(&mut self, col: usize, text: &str) {
        if let Some(w) = self.0.get_mut(col) {
            *w = (*w).max((text.width() + 2).min(MAX_WIDTH));
        }
    }

    fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (c, w) in self.0.iter().enumerate() {
            sheet.set_column_width(col_number(c)?, *w as f64)?;
        }
        Ok(())
    }
}
