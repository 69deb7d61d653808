//! Calibration: the score agrees with a panel. Every bundled question carries graded example
//! answers (`[[questions.examples]]`, written from the prompt alone, before the rubric was
//! read); here they must rank in grade order and land in the published bands. Gaming answers
//! generated from each rubric must stay low while the model answer stays high.
//! Run with `--nocapture` to see the per-question table.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use mianba::bank::{BankSet, Language};
use mianba::scoring::Rubric;

/// Spearman's rank correlation with average ranks for ties.
fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    fn ranks(v: &[f64]) -> Vec<f64> {
        let mut idx: Vec<usize> = (0..v.len()).collect();
        idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
        let mut r = vec![0.0; v.len()];
        let mut i = 0;
        while i < idx.len() {
            let mut j = i;
            while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
                j += 1;
            }
            let avg = (i + j) as f64 / 2.0 + 1.0;
            for k in i..=j {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        r
    }
    let (rx, ry) = (ranks(xs), ranks(ys));
    let n = xs.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = rx.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = ry.iter().map(|b| (b - my).powi(2)).sum();
    if vx == 0.0 || vy == 0.0 {
        0.0
    } else {
        cov / (vx * vy).sqrt()
    }
}

struct Tally {
    rhos: Vec<f64>,
    by_grade: [Vec<u8>; 6],
    misses: Vec<String>,
}

#[test]
fn graded_examples_rank_in_order_and_land_in_their_bands() {
    let banks = BankSet::bundled();
    let mut t = Tally {
        rhos: Vec::new(),
        by_grade: Default::default(),
        misses: Vec::new(),
    };
    let mut report = String::new();
    for bank in &banks.banks {
        for q in &bank.questions {
            let rubric = Rubric::compile(bank, q);
            let (mut grades, mut totals) = (Vec::new(), Vec::new());
            let mut line = format!("{:45}", rubric.question_id());
            for e in &q.examples {
                let card = rubric.score(&e.text, None);
                grades.push(f64::from(e.grade));
                totals.push(f64::from(card.total));
                t.by_grade[usize::from(e.grade)].push(card.total);
                line.push_str(&format!(" {}:{:3}", e.grade, card.total));
                let bad = match e.grade {
                    5 => card.total < 70,
                    1 | 2 => card.total > 40,
                    _ => false,
                };
                if bad {
                    t.misses.push(format!(
                        "{} grade {} scored {}: {}",
                        rubric.question_id(),
                        e.grade,
                        card.total,
                        e.text.chars().take(60).collect::<String>()
                    ));
                }
            }
            if grades.len() >= 4 {
                let rho = spearman(&grades, &totals);
                t.rhos.push(rho);
                line.push_str(&format!("  rho {rho:.2}"));
            }
            report.push_str(&line);
            report.push('\n');
        }
    }
    let mean = |v: &[u8]| v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len().max(1) as f64;
    let rho_mean = t.rhos.iter().sum::<f64>() / t.rhos.len().max(1) as f64;
    let low = t.rhos.iter().filter(|&&r| r < 0.8).count();
    println!("{report}");
    for g in 1..=5 {
        println!(
            "grade {g}: mean {:.1} over {}",
            mean(&t.by_grade[g]),
            t.by_grade[g].len()
        );
    }
    println!(
        "mean Spearman {rho_mean:.3} over {} questions; {low} below 0.8; {} band misses",
        t.rhos.len(),
        t.misses.len()
    );
    for m in &t.misses {
        println!("  {m}");
    }
    assert!(
        t.rhos.len() >= 100,
        "every bundled question carries examples"
    );
    assert!(
        rho_mean >= 0.85,
        "mean Spearman {rho_mean:.3} is below 0.85"
    );
    let g3 = mean(&t.by_grade[3]);
    assert!(
        (45.0..=70.0).contains(&g3),
        "grade 3 averages {g3:.1}, not 45–70"
    );
}

/// A phrase of each point, as a bank writes it: what a gamer would copy from the rubric.
fn point_phrases(rubric: &Rubric) -> Vec<String> {
    rubric
        .points()
        .iter()
        .filter_map(|p| p.phrases.first().cloned())
        .collect()
}

fn gaming_answers(rubric: &Rubric) -> Vec<(&'static str, String)> {
    let ps = point_phrases(rubric);
    let zh = rubric.language() == Language::Zh;
    let mut out = Vec::new();
    if zh {
        out.push((
            "rude with keywords",
            format!(
                "说实话这种人就是事儿多，活该。行吧，{}。烦不烦啊，爱要不要。",
                ps.iter()
                    .map(|p| format!("我会{p}"))
                    .collect::<Vec<_>>()
                    .join("，")
            ),
        ));
        out.push((
            "bare claims",
            ps.iter().map(|p| format!("我会{p}。")).collect::<String>(),
        ));
        let filler = "今天的天气很好，阳光明媚，适合出门散步。周末我喜欢在家里做红烧肉，先把肉切块焯水，再放糖炒色。";
        let mut padded = filler.repeat(15);
        padded.push_str(&format!(
            "我会{}。",
            ps.iter().take(3).cloned().collect::<Vec<_>>().join("、")
        ));
        padded.push_str(&filler.repeat(15));
        out.push(("padding", padded));
        out.push(("keyword list", ps.join(" ")));
    } else {
        out.push((
            "rude with keywords",
            format!(
                "Honestly these people are just whining. Whatever. Fine, I will {}. Pathetic.",
                ps.join(", I will ")
            ),
        ));
        out.push((
            "bare claims",
            ps.iter()
                .map(|p| format!("I will {p}. "))
                .collect::<String>(),
        ));
        let filler = "The weather today is sunny and warm, perfect for a walk in the park. On weekends I like to cook pasta with tomatoes and fresh basil from the garden. ";
        let mut padded = filler.repeat(15);
        padded.push_str(&format!(
            "I will {}. ",
            ps.iter().take(3).cloned().collect::<Vec<_>>().join(" and ")
        ));
        padded.push_str(&filler.repeat(15));
        out.push(("padding", padded));
        out.push(("keyword list", ps.join(" ")));
    }
    out
}

#[test]
fn gaming_answers_stay_low_and_the_model_answer_stays_high() {
    let banks = BankSet::bundled();
    let mut failures = Vec::new();
    let mut worst: std::collections::BTreeMap<&str, u8> = Default::default();
    for bank in &banks.banks {
        for q in &bank.questions {
            let rubric = Rubric::compile(bank, q);
            let id = rubric.question_id().to_string();
            let reference = q.reference.as_deref().unwrap_or_default();
            let once = rubric.score(reference, None).total;
            if once < 85 {
                failures.push(format!("{id}: the model answer scores {once}"));
            }
            let twice = rubric
                .score(&format!("{reference}\n{reference}"), None)
                .total;
            if twice > once {
                failures.push(format!("{id}: pasted twice {twice} > once {once}"));
            }
            for (kind, answer) in gaming_answers(&rubric) {
                let total = rubric.score(&answer, None).total;
                let limit = if kind == "bare claims" { 45 } else { 40 };
                let w = worst.entry(kind).or_default();
                *w = (*w).max(total);
                if total > limit {
                    failures.push(format!("{id}: {kind} scores {total} (> {limit})"));
                }
            }
        }
    }
    println!("worst gaming scores: {worst:?}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
