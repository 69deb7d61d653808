//! Issue 13 and 14: the class report speaks the tutor's language. With `--lang zh` the
//! markdown and the CSV have no English label left (only the set's id, in backticks, stays
//! as it is); with `--lang en` they read as before. Both name each question by its title, its
//! id only in the JSON. `--format xlsx` writes the CSV's table as an
//! Excel workbook to `--out`, read back here from its zip.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod safe_support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use mianba::tutor::bundle::read_bundle;
use mianba::tutor::grading::{Dimension, Grade, add_grade};
use safe_support::{Home, Run, references, sit_some};

/// A set due 2025-01-01 with two questions; 张三 answers both in time and is graded with a
/// comment, 李四 answers one late; the roster also names 王五, who sent nothing.
fn class() -> (Home, Vec<String>) {
    let home = Home::new();
    home.run([
        "set",
        "new",
        "--bank",
        "complaint",
        "--count",
        "2",
        "--seed",
        "3",
        "--pass-mark",
        "60",
        "--title",
        "第一周：投诉处理",
        "--due",
        "2025-01-01",
        "--allow-past",
        "--out",
        "w.toml",
    ])
    .ok();
    let set = home.path("work/w.toml");
    let refs = references(&set);
    let sittings: [(&str, [Option<&str>; 2], i64); 2] = [
        ("张三", [Some(&refs[0]), Some(&refs[1])], 1_700_000_000),
        ("李四", [Some("您好，非常抱歉。"), None], 1_800_000_000),
    ];
    let mut files = Vec::new();
    for (i, (name, answers, at)) in sittings.iter().enumerate() {
        let data = home.path(&format!("d{i}"));
        sit_some(&data, &set, answers, *at);
        let out = home.path(&format!("work/{i}.json"));
        home.export(&data, &set, name, &out).ok();
        files.push(out);
    }
    let mut b = read_bundle(&files[0]).unwrap();
    let question = b.content.answers[0].question.clone();
    let scores: BTreeMap<Dimension, u8> = Dimension::ALL
        .into_iter()
        .zip([20, 16, 12, 12, 12, 8])
        .collect();
    let grade = Grade::new("王老师", &question, scores, "条理清楚", 1_700_100_000);
    add_grade(&mut b, grade).unwrap();
    std::fs::write(&files[0], b.to_json()).unwrap();
    std::fs::write(home.path("work/names.txt"), "张三\n李四\n王五\n").unwrap();
    let files = files
        .iter()
        .map(|f: &PathBuf| f.display().to_string())
        .collect();
    (home, files)
}

/// `class report` in `lang` with `extra` flags.
fn run_report(home: &Home, files: &[String], lang: &str, extra: &[&str]) -> Run {
    let mut cmd = home.cmd_in(lang);
    cmd.args(["class", "report", "--set", "w.toml"])
        .args(["--roster", "names.txt"])
        .args(extra)
        .args(files);
    safe_support::run_cmd(&mut cmd)
}

fn report(home: &Home, files: &[String], lang: &str, format: &str) -> String {
    let run = run_report(home, files, lang, &["--format", format, "--no-bom"]);
    run.ok().stdout.clone()
}

/// The text with every `code span` taken out: ids are shown as written in every language.
fn outside_code(text: &str) -> String {
    text.split('`').step_by(2).collect()
}

#[test]
fn the_zh_class_report_has_no_english_label_left() {
    let (home, files) = class();
    let md = report(&home, &files, "zh", "md");
    let english: Vec<&str> = md
        .lines()
        .filter(|l| outside_code(l).chars().any(|c| c.is_ascii_alphabetic()))
        .collect();
    assert!(english.is_empty(), "English left: {english:#?}\n{md}");
    for heading in [
        "# 第一周：投诉处理",
        "## 各维度手评分（评委）",
        "## 全班最常漏掉的要点",
        "## 逾期提交\n\n李四",
        "## 未提交\n\n王五",
        "## 评语",
        "| 考生 | 第1题 ",
        "综合分析（25）",
        " 20 好 |",
    ] {
        assert!(md.contains(heading), "{heading:?} not in\n{md}");
    }

    let csv = report(&home, &files, "zh", "csv");
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("考生,"), "{header}");
    assert!(
        header.ends_with(",平均,结果,逾期,未答题数,标记,场次"),
        "{header}"
    );
    assert!(header.contains("（手评）"), "{header}");
    let last = csv.lines().last().unwrap();
    assert!(last.starts_with("平均：未作答的题"), "{last}");
    assert!(csv.contains(",不及格,逾期,1,"), "{csv}");
}

#[test]
fn the_en_class_report_reads_as_before() {
    let (home, files) = class();
    let md = report(&home, &files, "en", "md");
    for line in [
        "# 第一周：投诉处理\n\nSet `w`, pass mark 60, due 2025-01-01.\n\n",
        "2 candidate(s), 1 passed; class average ",
        "Cells: automatic score / panel hand grade. Averages: unanswered questions count 0 in every average (per candidate and per question).\n\n| candidate | Q1 ",
        " | average | result | notes |\n",
        " | fail | late, 1 unanswered |\n",
        "| **average** |",
        "## Hand grades by dimension (panel)\n\n| candidate | graders | analysis (25) |",
        " 20 good |",
        "## Points the class missed most\n\n- ",
        " answers\n",
        "## Late\n\n李四\n",
        "## Missing\n\n王五\n",
        "## Comments\n\n- 张三, “",
        "” (王老师): 条理清楚\n",
    ] {
        assert!(md.contains(line), "{line:?} not in\n{md}");
    }
    let csv = report(&home, &files, "en", "csv");
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("candidate,"), "{header}");
    assert!(
        header.ends_with(",average,result,late,unanswered,flags,session"),
        "{header}"
    );
    let last = csv.lines().last().unwrap();
    assert!(
        last.starts_with("average: unanswered questions count 0"),
        "{last}"
    );
    // JSON keys and the rule as JSON states it never change with the language.
    let zh_json: serde_json::Value =
        serde_json::from_str(&report(&home, &files, "zh", "json")).unwrap();
    assert_eq!(
        zh_json["averages_rule"],
        "unanswered questions count 0 in every average (per candidate and per question)"
    );
}

/// The set's questions as the JSON lists them (ids), each with its title as a person reads
/// it: the first line of the prompt the bundles carry.
fn titles(home: &Home, files: &[String]) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(&report(home, files, "en", "json")).unwrap();
    let b = read_bundle(std::path::Path::new(&files[0])).unwrap();
    let ids: Vec<String> = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q.as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{json}");
    ids.into_iter()
        .map(|id| {
            let a = b.content.answers.iter().find(|a| a.question == id).unwrap();
            let title = a.prompt.lines().next().unwrap().trim().to_string();
            (id, title)
        })
        .collect()
}

#[test]
fn questions_are_named_by_their_titles_and_by_their_ids_only_in_the_json() {
    use unicode_width::UnicodeWidthStr;
    let (home, files) = class();
    let questions = titles(&home, &files);
    // 张三's first answer is the one graded with a comment (`class`).
    let graded = read_bundle(std::path::Path::new(&files[0]))
        .unwrap()
        .content
        .answers[0]
        .question
        .clone();
    let (_, graded_title) = questions.iter().find(|(id, _)| *id == graded).unwrap();
    for lang in ["zh", "en"] {
        let md = report(&home, &files, lang, "md");
        let csv = report(&home, &files, lang, "csv");
        let header = csv.lines().next().unwrap();
        let table_head = md.lines().find(|l| l.starts_with('|')).unwrap();
        for (i, (id, title)) in questions.iter().enumerate() {
            assert!(!md.contains(id.as_str()), "{id} in\n{md}");
            assert!(!csv.contains(id.as_str()), "{id} in\n{csv}");
            let number = if lang == "zh" {
                format!("第{}题 ", i + 1)
            } else {
                format!("Q{} ", i + 1)
            };
            // The title starts the column, cut with … when wider than a column takes.
            let start: String = title.chars().take(6).collect();
            let heading = format!("{number}{start}");
            assert!(
                table_head.contains(&heading),
                "{heading} not in {table_head}"
            );
            assert!(header.contains(&heading), "{heading} not in {header}");
            let cell = header.split(',').find(|c| c.starts_with(&heading)).unwrap();
            if title.width() > 24 {
                assert!(cell.ends_with('…'), "{cell}");
            }
            assert!(cell.width() <= number.width() + 24, "{cell}");
        }
        // The comment names its question in full.
        let quoted = if lang == "zh" {
            format!("，「{graded_title}」（王老师）")
        } else {
            format!(", “{graded_title}” (王老师)")
        };
        assert!(md.contains(&quoted), "{quoted} not in\n{md}");
    }
    // The JSON keeps the ids, as it always did.
    let json: serde_json::Value =
        serde_json::from_str(&report(&home, &files, "zh", "json")).unwrap();
    assert_eq!(json["questions"][0], questions[0].0.as_str());
    assert_eq!(
        json["candidates"][0]["comments"][0]["question"],
        graded.as_str()
    );
}

/// One part of the workbook (a zip of XML files) as text.
fn part(xlsx: &std::path::Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
    text
}

/// The XML of cell `at` (`B2`) in a sheet part.
fn xml_cell<'a>(sheet: &'a str, at: &str) -> &'a str {
    let from = sheet
        .find(&format!("<c r=\"{at}\""))
        .unwrap_or_else(|| panic!("no cell {at} in {sheet}"));
    let len = sheet[from..].find("</c>").unwrap();
    &sheet[from..from + len]
}

#[test]
fn the_xlsx_class_report_is_the_csv_table_as_a_workbook() {
    let (home, files) = class();
    let json: serde_json::Value =
        serde_json::from_str(&report(&home, &files, "zh", "json")).unwrap();
    let run = run_report(
        &home,
        &files,
        "zh",
        &["--format", "xlsx", "--out", "班级.xlsx"],
    );
    run.ok();
    assert!(run.stdout.contains("班级.xlsx"), "{}", run.stdout);
    let xlsx = home.path("work/班级.xlsx");
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    // Names and labels are UTF-8 Chinese; the sheets are named in the report's language.
    let strings = part(&xlsx, "xl/sharedStrings.xml");
    for text in ["张三", "李四", "考生", "不及格", "逾期"] {
        assert!(strings.contains(text), "{text} not in {strings}");
    }
    let book = part(&xlsx, "xl/workbook.xml");
    assert!(book.contains("name=\"班级报告\""), "{book}");
    assert!(book.contains("name=\"各维度手评分\""), "{book}");

    // Rows as in the CSV: 张三 first; B2 is his first automatic score, a number (no t="s").
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    let first = json["candidates"][0]["scores"][0].as_u64().unwrap();
    let b2 = xml_cell(&sheet, "B2");
    assert!(!b2.contains("t=\"s\""), "{b2}");
    assert!(b2.ends_with(&format!("<v>{first}</v>")), "{b2}");
    // The header row is frozen; the names' column fits two CJK characters and more.
    assert!(sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""));
    assert!(sheet.contains("<col min=\"1\" max=\"1\""), "{sheet}");
    // The hand grades per dimension: 综合分析 20 on the second sheet, a number.
    let dims = part(&xlsx, "xl/worksheets/sheet2.xml");
    assert!(xml_cell(&dims, "C2").ends_with("<v>20</v>"), "{dims}");
    assert!(part(&xlsx, "xl/styles.xml").contains("<b/>"));

    // An existing file is replaced only with --force; the set file never.
    run_report(
        &home,
        &files,
        "zh",
        &["--format", "xlsx", "--out", "班级.xlsx"],
    )
    .refused("--force");
    run_report(
        &home,
        &files,
        "en",
        &["--format", "xlsx", "--out", "w.toml", "--force"],
    )
    .refused("the set file");
}

#[test]
fn the_xlsx_class_report_is_never_printed() {
    let (home, files) = class();
    let run = run_report(&home, &files, "en", &["--format", "xlsx"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("--format xlsx needs --out FILE"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_flagged_bundle_is_explained_in_the_reports_language() {
    let (home, files) = class();
    let edited = std::fs::read_to_string(&files[1]).unwrap().replacen(
        "您好，非常抱歉。",
        "您好，非常抱歉！",
        1,
    );
    std::fs::write(&files[1], edited).unwrap();
    let run = run_report(&home, &files, "zh", &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let row = run
        .stdout
        .lines()
        .find(|l| l.starts_with("| 李四 |"))
        .unwrap();
    assert!(row.contains("已标记：导出后被修改过（摘要不符）"), "{row}");
    assert!(
        !outside_code(row).chars().any(|c| c.is_ascii_alphabetic()),
        "{row}"
    );
    assert!(
        run.stderr
            .contains("：已标记（导出后被修改过（摘要不符））；请考生从自己的回答重新导出结果文件"),
        "{}",
        run.stderr
    );
    // The JSON keeps its English flags, whatever the language.
    let json = run_report(&home, &files, "zh", &["--format", "json"]);
    assert!(
        json.stdout
            .contains("edited after export (digest mismatch)"),
        "{}",
        json.stdout
    );
    let en = run_report(&home, &files, "en", &[]);
    assert!(
        en.stdout
            .contains("FLAGGED: edited after export (digest mismatch)"),
        "{}",
        en.stdout
    );
}

#[test]
fn an_unreadable_bundle_is_named_in_the_reports_language() {
    let (home, mut files) = class();
    std::fs::write(home.path("work/坏.json"), "不是 JSON").unwrap();
    files.push(home.path("work/坏.json").display().to_string());
    let run = run_report(&home, &files, "zh", &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("坏.json 不是有效的结果文件（"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("请考生用 `mianba set export` 重新导出"),
        "{}",
        run.stderr
    );
    // The rest is reported.
    assert!(run.stdout.contains("| 张三 |"), "{}", run.stdout);
}

#[test]
fn what_a_folder_scan_skips_is_said_in_the_reports_language() {
    let (home, files) = class();
    let folder = home.path("work/收到的");
    std::fs::create_dir_all(folder.join("不是文件.json")).unwrap();
    std::fs::copy(&files[0], folder.join("a.json")).unwrap();
    let run = run_report(&home, &["收到的".to_string()], "zh", &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("跳过了 收到的/不是文件.json：它是文件夹，不是普通文件"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("| 张三 |"), "{}", run.stdout);
}
