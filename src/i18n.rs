//! The UI language (zh or en) and its strings. Bank text is never translated: a zh bank's
//! prompts and feedback stay Chinese in an en UI.
//!
//! Every UI string is declared once with both languages side by side (`ui_strings!`), so a
//! screen cannot exist in one language only. Strings with values use named `{placeholders}`
//! filled by `fill`.

use std::fmt::Display;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    /// `--lang` wins; otherwise the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first one set);
    /// anything that is not Chinese falls back to en.
    pub fn detect(explicit: Option<Lang>) -> Lang {
        if let Some(l) = explicit {
            return l;
        }
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        Self::from_locale(var.as_deref().unwrap_or(""))
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The display name of a bank category (the format's list), `None` for one it does not know.
    pub fn category_name(self, id: &str) -> Option<&'static str> {
        CATEGORIES
            .iter()
            .find(|(c, _, _)| *c == id)
            .map(|(_, zh, en)| if self == Lang::Zh { *zh } else { *en })
    }

    /// The UI strings of this language.
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// The categories of `docs/bank-format.md`: id, zh name, en name.
const CATEGORIES: &[(&str, &str, &str)] = &[
    ("self-intro", "自我介绍与动机", "Self-introduction"),
    ("role", "职业认知", "The role"),
    ("complaint", "投诉与售后", "Complaints"),
    ("stress", "压力与情绪", "Stress"),
    ("communication", "沟通技巧", "Communication"),
    ("ecommerce", "电商规则与场景", "E-commerce"),
    ("supervisor", "团队与主管", "Team and supervisor"),
    ("smart-service", "智能客服与运营", "Smart service"),
    ("structured", "结构化面试热点", "Structured interview"),
];

/// Where a category sorts: the format's order, unknown categories last.
pub fn category_rank(id: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|(c, _, _)| *c == id)
        .unwrap_or(CATEGORIES.len())
}

/// Replace each `{name}` in `template` by its value, in one pass: a value (a candidate's name,
/// a set's title) that itself contains `{other}` is shown as written, not filled in turn.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let named = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            Some((value, tail))
        });
        match named {
            Some((value, tail)) => {
                out.push_str(&value.to_string());
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

macro_rules! ui_strings {
    ($($name:ident: $zh:literal, $en:literal;)*) => {
        /// All UI strings of one language.
        #[derive(Debug)]
        pub struct Ui {
            pub lang: Lang,
            $(pub $name: &'static str,)*
        }

        static ZH: Ui = Ui { lang: Lang::Zh, $($name: $zh,)* };
        static EN: Ui = Ui { lang: Lang::En, $($name: $en,)* };

        impl Ui {
            /// Every string with its name (for checks that both languages are complete).
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

ui_strings! {
    app_title: "面霸｜客服面试模拟", "mianba | mock interviews for customer service";

    // Home
    pane_mode: "模式", "Mode";
    pane_banks: "题库", "Banks";
    pane_categories: "类别", "Categories";
    pane_settings: "设置", "Settings";
    pane_sets: "作业（Enter 开始）", "Sets (Enter starts)";
    set_by: "{tutor} 布置", "by {tutor}";
    set_due: "截止 {due}", "due {due}";
    set_late: "已逾期", "late";
    set_attempts_left: "余 {left}/{max} 次", "{left}/{max} left";
    set_attempt: "这是本套题第 {n} 次作答，共可做 {max} 次（之后还剩 {left} 次）", "Attempt {n} of {max} at this set ({left} left after this one)";
    err_set_no_attempts: "「{set}」已经做过 {taken} 次，套题只允许 {max} 次（attempts）；没有剩余次数了，需要再做请找老师", "`{set}` has been taken {taken} time(s) and allows {max} (its attempts); no attempts are left — ask your tutor if you need another";
    set_questions: "{n} 题", "{n} Q";
    mode_practice: "练习", "Practice";
    mode_exam: "考试", "Exam";
    mode_civil: "公务员结构化面试", "Civil-service exam";
    mode_spoken: "口述", "Spoken";
    mode_drill: "复习", "Drill";
    mode_weakest: "重练最弱", "Retry my weakest";
    about_practice: "每题作答后立即评分；可看提示、参考答案，可重答。", "Scored after each answer; tips, the reference answer and retries allowed.";
    about_exam: "没有提示；时间到自动收卷；全部答完才看成绩。", "No help; the clock cuts you off; results only at the end.";
    about_civil: "结构化面试：4 题，先统一思考，再每题约 2 分半作答，最后出成绩。", "Structured interview: 4 questions, one thinking block, about 2.5 minutes each, results at the end.";
    about_spoken: "开口作答，计时照走；答完勾选讲到的要点和结构，按勾选评分。", "Answer aloud while the clock runs; then tick what you covered and get a score from it.";
    setting_count: "题数", "Questions";
    setting_seed: "随机种子", "Seed";
    seed_random: "随机", "random";
    civil_fixed: "（固定）", "(fixed)";
    all_selected_hint: "都不选 = 全部", "none ticked = all";
    banks_skipped: "{n} 个题库有错误，已跳过：", "{n} bank(s) have errors and were skipped:";
    start_failed: "无法开始：{why}", "Cannot start: {why}";
    store_unavailable: "无法打开存储，作答将保存在恢复文件中，下次能打开存储时放回：{why}", "The store cannot be opened; answers will be kept in recovery files and brought back once it opens: {why}";
    home_keys: "Tab/h/l 切换  j/k 移动  空格 勾选  +/- 题数  Enter 开始  ? 帮助  q 退出", "Tab/h/l pane  j/k move  Space tick  +/- count  Enter start  ? help  q quit";

    // Restore-draft prompt
    restore_title: "恢复草稿？", "Restore the draft?";
    restore_body: "上次有一段没提交的回答（{n} 字，{when}）：", "An answer was left unsubmitted last time ({n} chars, {when}):";
    restore_keys: "Enter/y 恢复并继续作答  n 丢弃  Esc 稍后再说", "Enter/y restore and go on  n discard  Esc not now";
    just_now: "刚才", "just now";
    minutes_ago: "{n} 分钟前", "{n} min ago";
    hours_ago: "{n} 小时前", "{n} h ago";
    days_ago: "{n} 天前", "{n} days ago";
    restore_unknown_question: "草稿对应的题目已不在题库中：{id}", "The draft's question is no longer in any bank: {id}";

    // Interview
    question_of: "第 {i}/{n} 题", "Question {i} of {n}";
    all_questions: "全部 {n} 题，统一思考", "all {n} questions, one thinking time";
    followup: "追问", "Follow-up";
    attempt: "第 {n} 次作答", "attempt {n}";
    prompt_title: "题目", "Question";
    figure_title: "材料", "Material";
    figure_keys: "PgUp/PgDn 翻材料", "PgUp/PgDn material";
    figure_rows: "材料第 {from}-{to}/{n} 行", "material lines {from}-{to} of {n}";
    phase_prep: "思考", "Thinking";
    phase_answer: "作答", "Answer";
    warn_left: "还剩 {s} 秒", "{s} s left";
    time_up: "时间到", "Time is up";
    answer_title: "你的回答", "Your answer";
    count_band: "{n} 字  目标 {min}-{max}", "{n} chars  target {min}-{max}";
    paste_cut: "粘贴内容过长：保留 {kept} 字，舍弃 {dropped} 字（上限 {max} 字）", "Paste too long: kept {kept} characters, dropped {dropped} (limit {max})";
    tips_title: "提示", "Tips";
    no_tips: "这道题没有提示。", "This question has no tips.";
    prep_hint_spoken: "思考时间：想好再说。按 Enter 开始作答。", "Thinking time: plan what you will say. Press Enter to start answering.";
    speak_now: "请开口作答，计时进行中。说完按 Enter。", "Answer aloud now; the clock is running. Press Enter when you are done.";
    interview_keys: "Ctrl-S/F2 提交  Enter 换行  F1 帮助  Esc 离开", "Ctrl-S/F2 submit  Enter new line  F1 help  Esc leave";
    tips_key: "Ctrl-T/F3 提示", "Ctrl-T/F3 tips";
    spoken_keys: "Enter 答完  F1 帮助  Esc 离开", "Enter done  F1 help  Esc leave";
    prep_keys: "Enter 开始作答  F1 帮助  Esc 离开", "Enter start  F1 help  Esc leave";
    leave_title: "离开面试？", "Leave the interview?";
    leave_body: "已提交的回答都已保存，正在写的草稿也会保留。", "Submitted answers are saved, and the answer in progress is kept as a draft.";
    leave_keys: "Enter/y 离开  Esc/n 继续作答", "Enter/y leave  Esc/n keep going";
    saved_next: "已保存，下一题。", "Saved. Next question.";
    not_saved: "保存失败：{why}", "Could not save: {why}";
    answer_kept: "存储无法保存这个回答（{why}）。回答和评分已保存在 {path}，下次启动时会放回存储。", "The store could not take this answer ({why}). The answer and its scorecard are kept in {path}; mianba brings them back into the store next time it starts.";
    recovered: "上次未能保存的 {n} 个回答已放回存储（场次 {sessions}）。", "{n} answer(s) an earlier run could not save are now in the store (session {sessions}).";

    // Spoken checklist
    checklist_title: "勾选你讲到的内容", "Tick what you covered";
    checklist_points: "要点", "Points";
    checklist_sections: "结构", "Structure";
    checklist_keys: "j/k 移动  空格 勾选  Enter 评分  ? 帮助", "j/k move  Space tick  Enter score  ? help";

    // Result
    total: "总分", "Total";
    band_excellent: "优秀 90+", "Excellent 90+";
    band_good: "良好 75-89", "Good 75-89";
    band_adequate: "合格 55-74", "Adequate 55-74";
    band_weak: "偏弱 30-54", "Weak 30-54";
    band_not_acceptable: "不合格 <30", "Not acceptable <30";
    dim_content: "内容", "Content";
    dim_structure: "结构", "Structure";
    dim_delivery: "表达", "Delivery";
    time_used: "用时 {t}", "Time {t}";
    quoted: "「{text}」", "\"{text}\"";
    your_answer: "你的回答", "Your answer";
    spoken_answer: "（口述作答，按勾选评分）", "(answered aloud, scored from your checklist)";
    legend: "下划线=得分要点  反白=扣分用语  »=结构段落", "underlined=earned  reversed=costs points  »=structure step";
    points: "要点", "Points";
    required: "必答", "required";
    add_this: "可以这样说：", "Add this: ";
    structure: "结构", "Structure";
    out_of_order: "（顺序不对）", "(out of order)";
    no_structure: "这道题不考结构。", "This question has no structure rubric.";
    deductions: "扣分", "Deductions";
    feedback: "建议", "Feedback";
    reference: "参考答案", "Reference answer";
    no_reference: "这道题没有参考答案。", "This question has no reference answer.";
    examples: "评分样例", "Graded examples";
    no_examples: "这道题没有评分样例。", "This question has no graded examples.";
    example_grade: "{g} 分（满分 5）", "Grade {g} of 5";
    result_keys_practice: "r 参考答案  e 评分样例  t 重答  Enter 继续  j/k 滚动  ? 帮助", "r reference  e examples  t retry  Enter continue  j/k scroll  ? help";
    result_keys_review: "r 参考答案  e 评分样例  Esc 返回  j/k 滚动  ? 帮助", "r reference  e examples  Esc back  j/k scroll  ? help";

    // Summary
    summary_title: "本次面试小结", "Session summary";
    col_question: "题目", "Question";
    col_time: "用时", "Time";
    average: "平均", "Average";
    summary_export: "交给老师，请在终端运行：", "To send it to your tutor, run:";
    export_your_name: "你的姓名", "YOUR-NAME";
    labelled: "{label}：{text}", "{label}: {text}";
    nothing_answered: "这次没有提交任何回答。", "No answers were submitted this time.";
    summary_keys: "j/k 选择  Enter 查看详情  Esc 回首页  q 退出", "j/k select  Enter details  Esc home  q quit";

    // Help overlay
    help_title: "按键", "Keys";
    help_close: "任意键关闭", "any key closes";
    help_general: "? / F1 显示按键  Esc 返回  Ctrl-C 保存草稿并退出", "? / F1 show keys  Esc back  Ctrl-C save draft and quit";
    help_lists: "上下方向键或 j/k 移动  g/G 首/尾  空格 勾选", "Up/Down or j/k move  g/G first/last  Space tick";
    help_home: "Tab、左右方向键、h/l 切换区域  +/- 改题数  数字键输入种子，Backspace 清除  Enter 开始  q 退出", "Tab, Left/Right, h/l switch pane  +/- question count  digits type a seed, Backspace clears  Enter start  q quit";
    help_editor: "Ctrl-S、F2（或支持时 Ctrl-Enter）提交  Enter 换行  Ctrl-Z/Ctrl-Y 撤销/重做  粘贴直接生效  PgUp/PgDn 滚动题目", "Ctrl-S, F2 (or Ctrl-Enter where the terminal reports it) submit  Enter new line  Ctrl-Z/Ctrl-Y undo/redo  paste works  PgUp/PgDn scroll the question";
    help_practice: "练习模式：Ctrl-T/F3 显示提示；评分后 r 看参考答案，t 重答", "Practice: Ctrl-T/F3 tips; after scoring r shows the reference, t retries";
    help_exam: "考试模式：没有提示，时间到自动提交", "Exam: no tips; the answer is submitted when time is up";
    help_spoken: "口述模式：开口作答，答完按 Enter，再勾选讲到的内容", "Spoken: answer aloud, press Enter when done, then tick what you covered";
    help_result: "j/k、PgUp/PgDn 滚动  r 参考答案  e 评分样例（各档答案听起来什么样）  t 重答（练习）  Enter 继续", "j/k, PgUp/PgDn scroll  r reference  e graded examples (what each grade sounds like)  t retry (practice)  Enter continue";

    // Self-review: the home line, history, session detail, progress, drill
    review_line: "复习：v 历史  p 进步  d 今日复习（{n} 题到期）  w 重练最弱", "Review: v history  p progress  d drill ({n} due today)  w retry my weakest";
    review_line_unknown: "复习：v 历史  p 进步  d 今日复习  w 重练最弱", "Review: v history  p progress  d drill  w retry my weakest";
    history_title: "历史记录（{n} 场）", "History ({n} session(s))";
    filter_all: "全部", "all";
    filter_line: "b 题库：{bank}  c 类别：{category}  m 模式：{mode}", "b bank: {bank}  c category: {category}  m mode: {mode}";
    col_date: "日期", "Date";
    col_mode: "模式", "Mode";
    col_banks: "题库", "Banks";
    col_questions: "题数", "Qs";
    col_average: "平均", "Avg";
    no_history: "还没有记录。完成一场面试后，这里会列出来。", "No sessions yet. Finish an interview and it is listed here.";
    no_history_match: "没有符合筛选条件的记录。", "No sessions match the filters.";
    graded_mark: "✎", "✎";
    graded_legend: "✎ = 老师已评分（Enter 看详情）", "✎ = graded by a tutor (Enter shows it)";
    graded_legend_cli: "✎ = 老师已评分（`mianba report 场次` 查看）", "✎ = graded by a tutor (see `mianba report SESSION`)";
    tutor_grade: "老师评分 · {grader}：{score}/100（{date}）", "Tutor's grade · {grader}: {score}/100 ({date})";
    tutor_comment: "评语：{text}", "Comment: {text}";
    banks_col_id: "编号", "ID";
    banks_col_title: "标题", "TITLE";
    banks_col_lang: "语言", "LANG";
    banks_col_questions: "题数", "QUESTIONS";
    banks_col_source: "来源", "SOURCE";
    banks_heading: "{title}（{id}，{lang}，共 {n} 题）", "{title} ({id}, {lang}, {n} questions)";
    banks_difficulty: "难度 {n}", "difficulty {n}";
    banks_valid_one: "检查了 {n} 个文件，没有问题", "{n} file, no problems";
    banks_valid_many: "检查了 {n} 个文件，没有问题", "{n} files, no problems";
    report_all_banks: "全部", "all";
    report_content: "内容", "content";
    report_say_this: "可以这样说：", "e.g. ";
    report_answer: "回答", "Answer";
    report_average: "平均分", "Average";
    report_feedback: "建议", "Feedback";
    report_started: "开始", "Started";
    report_format: "形式", "Format";
    report_total: "总分", "Total";
    report_deductions: "扣分", "Deductions";
    report_mode: "模式", "Mode";
    report_time: "用时", "time";
    report_attempt: "第几次", "attempt";
    report_structure_heading: "结构", "Structure";
    report_structure: "结构", "structure";
    report_missing_required: "缺少必答要点", "Missing required";
    report_delivery: "表达", "delivery";
    report_points: "要点", "Points";
    report_followup: "追问", "Follow-up";
    report_title: "面试报告 · 场次", "Interview report · session";
    report_banks: "题库", "Banks";
    report_questions: "题数", "Questions";
    report_question: "题目", "Question";
    report_no_text: "（口述，未保存文字）", "(spoken or empty: no text saved)";
    report_required: "（必答）", " (required)";
    report_out_of_order: "（顺序不对）", " (out of order)";
    history_keys: "j/k PgUp/PgDn g/G 移动  b/c/m 筛选  Enter 详情  Esc 回首页  ? 帮助", "j/k PgUp/PgDn g/G move  b/c/m filter  Enter details  Esc home  ? help";
    detail_heading: "{date}  {mode}  第 {i}/{n} 条", "{date}  {mode}  answer {i} of {n}";
    no_answers: "这场面试没有保存任何回答。", "No answers were saved in this session.";
    detail_keys: "n/p 下/上一条  r 参考答案  e 样例  s 重新评分  i 分析  Esc 返回  ? 帮助", "n/p next/prev  r reference  e examples  s re-score  i insights  Esc back  ? help";
    rescore_old: "保存时的评分", "As saved";
    rescore_new: "按今天的评分标准", "With today's rubric";
    rescore_gone: "这道题已不在任何题库中，无法重新评分。", "This question is no longer in any bank, so it cannot be re-scored.";
    insights_title: "回答分析", "Insights";
    insights_covered: "讲到的要点", "Points covered";
    insights_missed: "漏掉的要点", "Points missed";
    insights_words: "高频词", "Most used words";
    insights_fillers: "口头禅", "Fillers";
    insights_enumeration: "列举用语", "Enumeration";
    insights_none: "（无）", "(none)";
    progress_title: "进步", "Progress";
    progress_over_time: "每场平均分（旧 → 新）", "Average per session (old → new)";
    progress_categories: "各类别平均总分", "Average total per category";
    progress_time: "用时占时限（每场）", "Time used against the limit (per session)";
    progress_time_avg: "平均用掉时限的 {p}%，{n} 题超时", "On average {p}% of the limit used, {n} answer(s) over it";
    progress_missed: "常漏的要点", "Points missed most";
    progress_you_miss: "你常常漏掉「{name}」（{missed}/{asked} 次）", "You often leave out \"{name}\" ({missed} of {asked})";
    progress_you_missed: "漏掉过「{name}」（{missed}/{asked} 次）", "You left out \"{name}\" ({missed} of {asked})";
    progress_sections: "常缺的结构", "Structure steps most often missing";
    progress_section_missing: "「{name}」缺了 {missed}/{asked} 次", "\"{name}\" missing {missed} of {asked} times";
    progress_sessions: "{n} 场", "{n} session(s)";
    no_progress: "还没有记录，先完成一场面试吧。", "Nothing to show yet: finish an interview first.";
    progress_keys: "b/c/m 筛选  j/k 滚动  Esc 回首页  ? 帮助", "b/c/m filter  j/k scroll  Esc home  ? help";
    review_no_store: "无法打开存储，没有可复习的记录。", "The store cannot be opened, so there is nothing to review.";
    drill_none: "今天没有到期要复习的题。", "Nothing is due for review today.";
    weakest_none: "还没有答过的题可以重练。", "No answered questions to retry yet.";
    drill_gone: "{n} 道到期的题已不在题库中，已跳过。", "{n} due question(s) are no longer in any bank and were skipped.";
    help_history: "历史：j/k、PgUp/PgDn、g/G 移动  b 题库、c 类别、m 模式 循环筛选  Enter 打开详情  Esc 回首页", "History: j/k, PgUp/PgDn, g/G move  b bank, c category, m mode cycle the filters  Enter opens the session  Esc home";
    help_detail: "详情：n/p 或左右方向键 换一条  r 参考答案  e 评分样例  s 按今天的标准重新评分（新旧对照）  i 回答分析  j/k、PgUp/PgDn 滚动  Esc 返回历史", "Detail: n/p or Left/Right change answer  r reference  e graded examples  s re-score with today's rubric (old and new side by side)  i insights  j/k, PgUp/PgDn scroll  Esc back to history";
    help_progress: "进步：b 题库、c 类别、m 模式 循环筛选  j/k 滚动  Esc 回首页", "Progress: b bank, c category, m mode cycle the filters  j/k scroll  Esc home";
    help_review_home: "复习：v 历史  p 进步  d 今日复习到期的题  w 重练得分最低的题", "Review: v history  p progress  d drill the questions due today  w retry my weakest questions";

    // Too small
    too_small: "窗口太小：至少需要 {w}x{h}，当前 {cw}x{ch}。请放大窗口。", "Window too small: needs at least {w}x{h}, now {cw}x{ch}. Please enlarge it.";

    // Grading by hand (`mianba class grade`)
    grade_title: "阅卷｜评分人 {grader}", "Grading | grader {grader}";
    grade_where: "{candidate} · {set} · 第 {i}/{n} 题 · 文件 {f}/{m}", "{candidate} · {set} · answer {i}/{n} · file {f}/{m}";
    grade_flagged: "⚠ 此文件已被标记，不能当作有效提交：{flags}", "⚠ This bundle is FLAGGED and cannot be taken as a valid submission: {flags}";
    grade_scores: "六维评分", "Six dimensions";
    grade_overall: "总分 {n}/100", "Overall {n}/100";
    grade_comment: "评语", "Comment";
    grade_answer: "考生回答", "Candidate's answer";
    grade_followup: "追问：", "Follow-up: ";
    grade_graded: "已评", "graded";
    grade_not_graded: "未评", "not graded";
    grade_band_good: "好", "good";
    grade_band_fair: "中", "fair";
    grade_band_poor: "差", "poor";
    grade_keys: "↑↓ 选维度/总分  数字 输入分数  ←→ ±1  Shift+←→ ±5  Tab 评语  Ctrl-S 保存并下一题  n/p 换题  [/] 换文件  ?/F1 按键  q 退出", "Up/Down dimension/overall  digits type points  Left/Right ±1  Shift+Left/Right ±5  Tab comment  Ctrl-S save and next  n/p answer  [/] file  ?/F1 keys  q quit";
    grade_unset_points: "未打分", "unset";
    grade_overall_unset: "总分 —/100", "Overall —/100";
    grade_overall_typed: "总分 {n}/100（自定）", "Overall {n}/100 (typed)";
    grade_unset: "未记录：{dims} 还没打分（已给的分和评语存为草稿）。请给每个维度打分，或在「总分」一行直接输入总分。", "Not recorded: {dims} not scored yet (what you gave is kept as a draft). Score every dimension, or type an overall on the Overall row.";
    grade_skipped: "⚠ 跳过了 {n} 个无法阅卷的文件：{files}", "⚠ Skipped {n} file(s) that cannot be graded: {files}";
    grade_help_scores: "评分：↑↓ 或 j/k 选维度或总分  数字键直接输入分数（先 1 后 8 即 18），Backspace 删掉一位  ←→、h/l、+/- 加减 1 分  Shift+←→ 或 H/L 加减 5 分", "Scores: Up/Down or j/k pick a dimension or the overall  digits type the points (1 then 8 is 18), Backspace deletes one  Left/Right, h/l, +/- one point  Shift+Left/Right or H/L five points";
    grade_help_save: "Ctrl-S/F2 保存并下一题：每个维度都要打分，或在「总分」一行直接输入总分（未打分的维度按总分比例记录）  n/p 换题、[/] 换文件（没打完的分不记录）", "Ctrl-S/F2 save and next: score every dimension, or type an overall on the Overall row (unset dimensions are then recorded at its share)  n/p answer, [/] file (an unfinished grade is not recorded)";
    grade_help_other: "Tab 写评语，Esc/Tab 回到评分  PgUp/PgDn 滚动回答  ? / F1 显示按键  q 退出", "Tab writes the comment, Esc/Tab back to the scores  PgUp/PgDn scroll the answer  ? / F1 show keys  q quit";
    list_sep: "、", ", ";
    grade_comment_keys: "正在写评语  Esc/Tab 回到评分  Ctrl-S 保存并下一题  F1 按键", "Writing the comment  Esc/Tab back to the scores  Ctrl-S save and next  F1 keys";
    grade_saved: "已保存：{file}", "Saved: {file}";
    grade_save_failed: "保存失败：{why}", "Could not save: {why}";
    grade_refused: "无法记录评分：{why}", "The grade cannot be recorded: {why}";
    grade_all_done: "所有回答都已评分。", "Every answer is graded.";

    // The class report (`mianba class report`): markdown and CSV
    class_title: "班级报告", "Class report";
    class_set_line: "作业 `{id}`，及格线 {pass}。", "Set `{id}`, pass mark {pass}.";
    class_set_due_line: "作业 `{id}`，及格线 {pass}，截止 {due}。", "Set `{id}`, pass mark {pass}, due {due}.";
    class_counts: "共 {n} 名考生，{passed} 人及格；全班平均 {average}。", "{n} candidate(s), {passed} passed; class average {average}.";
    class_flagged_line: "{n} 份被标记的提交已列出，但不计入平均分和及格人数（加 `--include-flagged` 可计入）。", "{n} flagged submission(s) listed but not counted in the averages or passes (`--include-flagged` counts them).";
    class_same_name: "同名但来自不同场次（按场次分开列出）：{names}。", "Same name, different sessions (kept apart by session): {names}.";
    class_cells: "单元格：自动评分 / 评委手评分。平均分：{rule}。", "Cells: automatic score / panel hand grade. Averages: {rule}.";
    class_averages_rule: "未作答的题在每个平均分中都按 0 分计（考生平均和每题平均都是如此）", "unanswered questions count 0 in every average (per candidate and per question)";
    class_col_candidate: "考生", "candidate";
    class_col_question: "第{n}题 {title}", "Q{n} {title}";
    class_col_average: "平均", "average";
    class_col_result: "结果", "result";
    class_col_notes: "备注", "notes";
    class_col_graders: "评分人", "graders";
    class_col_dimension: "{name}（{max}）", "{name} ({max})";
    class_col_hand: "{question}（手评）", "{question} (hand)";
    class_col_late: "逾期", "late";
    class_col_unanswered: "未答题数", "unanswered";
    class_col_flags: "标记", "flags";
    class_col_session: "场次", "session";
    class_pass: "及格", "pass";
    class_fail: "不及格", "fail";
    class_not_counted: "不计入", "not counted";
    class_note_session: "场次 {uid}", "session {uid}";
    class_note_flagged: "已标记：{flags}", "FLAGGED: {flags}";
    class_note_late: "逾期", "late";
    class_note_unanswered: "{n} 题未答", "{n} unanswered";
    class_notes_sep: "；", ", ";
    class_flags_sep: "；", "; ";
    class_unknown_session: "未知", "unknown";
    class_average_row: "**平均**", "**average**";
    class_csv_average_row: "平均：{rule}", "average: {rule}";
    class_dimensions_heading: "## 各维度手评分（评委）", "## Hand grades by dimension (panel)";
    class_missed_heading: "## 全班最常漏掉的要点", "## Points the class missed most";
    class_missed_line: "- {point} — 「{question}」：{answered} 个回答中有 {missed} 个漏掉", "- {point} — “{question}”: missed in {missed} of {answered} answers";
    class_late_heading: "## 逾期提交", "## Late";
    class_missing_heading: "## 未提交", "## Missing";
    class_comments_heading: "## 评语", "## Comments";
    class_comment_line: "- {name}，「{question}」（{grader}）：{text}", "- {name}, “{question}” ({grader}): {text}";
    flag_edited: "导出后被修改过（摘要不符）", "edited after export (digest mismatch)";
    flag_other_set: "回答的是作业 `{found}`，不是 `{expected}`", "answers set `{found}`, not `{expected}`";
    flag_set_changed: "回答的是这份作业的另一个版本（校验和不同）", "answers another version of the set (checksum differs)";
    flag_unknown_version: "由未知的面霸版本 `{version}` 写出", "written by unknown mianba version `{version}`";
    flag_grade_edited: "{grader} 对 {question} 的评分被改动过", "grade by {grader} on {question} was edited";
    flag_unknown_question: "回答了 `{question}`，它不在这份作业中", "answers `{question}`, which is not in the set";
    flag_score_edited: "score-edited：{question} 自称 {claimed} 分，按作业的评分标准重新评分为 {rescored} 分（被改动过，或由另一版本的面霸评分；采用重新评分的值）", "score-edited: {question} claims {claimed}, its answer scores {rescored} with the set's rubric (edited, or scored by another mianba version; the rescored value is used)";
    class_err_sets: "这些结果文件回答了 {n} 份不同的作业（{sets}）；请用 --set 文件 一次汇总一份作业", "the bundles answer {n} different sets ({sets}); report one set at a time with --set FILE";
    class_note_no_set: "注意：没有给出 --set，显示的是结果文件自带的分数，没有重新评分；用 --set 给出作业文件即可对每个回答重新评分", "note: no --set given, so the scores shown are the bundles' own, not rescored; pass the set file with --set to rescore every answer";
    class_err_same_name: "{name}：来自不同场次的提交用了这个姓名，已按场次分开列出；请每位考生用自己的 --name 导出", "{name}: submissions from different sessions carry this name; they are kept apart by session — ask each candidate to export with their own --name";
    class_err_flagged: "{files}：已标记（{flags}）；请考生从自己的回答重新导出结果文件", "{files}: flagged ({flags}); ask the candidate to export the bundle again from their own answers";
    grade_err_no_answer: "结果文件中没有 {question} 的回答；请批改它回答了的题目", "the bundle has no answer to {question}; grade one of the questions it answers";
    grade_err_missing: "缺少「{dimension}」的分数；请给六个维度都打分", "{dimension} is missing; score all six dimensions";
    grade_err_too_high: "「{dimension}」给了 {points} 分，超过满分 {max}；请给 0 到 {max} 分", "{dimension} is {points}, over its maximum {max}; give 0 to {max}";
    grade_err_overall: "总分 {n} 超过 100；请给 0 到 100 分", "overall {n} is over 100; give 0 to 100";
    grade_err_no_grader: "评分人姓名为空；请写明是谁评的分", "the grader's name is empty; write who graded";
    inline_no_question: "没有可写入的题目", "no question to write";
    inline_two_languages: "`{question}` 与 `{first}` 的语言不同；一份作业里写入的题目只能是一种语言", "`{question}` is in another language than `{first}`; one set holds inline questions of one language";
    inline_figure: "`{question}` 带有材料图（题库旁的文件），无法写进作业；请去掉这道题，或把题库一起发给考生并不加 --inline 生成作业", "`{question}` has a figure, a file beside its bank; leave it out, or send the bank and write the set without --inline";
    inline_same_id: "选中的两道题 id 都是 `{id}`；写入作业的题目 id 不能重复", "two chosen questions have the id `{id}`; an inline set needs each id once";
    inline_same_structure: "两个题库有同名但不同的结构 `{id}`；请只选一个题库的题目", "two banks have different structures named `{id}`; choose questions of one bank";
    bundle_err_unreadable: "无法读取结果文件 {file}（{reason}）；请检查路径和权限", "cannot read bundle {file} ({reason}); check the path and its permissions";
    bundle_err_too_large: "结果文件 {file} 有 {size} 字节，超过 8 MiB 的上限，不是结果文件——请向考生要 `mianba set export` 写出的文件", "bundle {file} is {size} bytes, over the 8 MiB limit; it is not a result bundle — ask for the file `mianba set export` wrote";
    bundle_err_not_text: "结果文件 {file} 不是 UTF-8 的 JSON；请考生发来 `mianba set export` 写出的原文件，不要修改", "bundle {file} is not UTF-8 JSON; ask the candidate to send the file `mianba set export` wrote, unchanged";
    bundle_err_invalid: "结果文件 {file} 不是有效的结果文件（{reason}）；请考生用 `mianba set export` 重新导出", "bundle {file} is not a valid result bundle ({reason}); ask the candidate to export it again with `mianba set export`";
    bundle_err_layout: "结果文件 {file} 的格式版本是 {found}，本版本面霸读取版本 {known}——请更新面霸", "bundle {file} is layout {found}; this mianba reads layout {known} — update mianba";
    bundle_err_folder: "无法读取文件夹 {path}（{why}）；请检查它的权限", "cannot read folder {path} ({why}); check its permissions";
    class_sheet_dimensions: "各维度手评分", "Hand grades by dimension";
    class_col_band: "{name}档次", "{name} band";
    err_xlsx_needs_out: "--format xlsx 需要 --out 文件名：工作簿是二进制文件，不能打印到终端", "--format xlsx needs --out FILE: a workbook is a binary file and is not printed to the terminal";
    err_xlsx: "无法生成工作簿：{why}", "cannot build the workbook: {why}";
    class_report_written: "{file}：已写入班级报告（{n} 名考生）", "{file}: class report written ({n} candidate(s))";

    // Command line: `mianba history`
    cli_no_sessions: "还没有保存的场次：开始一次练习吧（mianba practice）。", "No saved sessions yet: start one with `mianba practice`.";
    cli_col_session: "场次", "SESSION";
    cli_col_started: "开始", "STARTED";
    cli_col_mode: "模式", "MODE";
    cli_col_questions: "题数", "QUESTIONS";
    cli_col_average: "平均", "AVERAGE";
    cli_col_banks: "题库", "BANKS";

    // Command line: messages and errors (each names the file or value and the fix)
    daily_limit_set: "每日复习上限已保存为 {n} 题", "the daily drill limit is now {n} questions";
    daily_limit_is: "每日复习上限：{n} 题（`mianba settings daily-limit N` 修改）", "daily drill limit: {n} questions (change it with `mianba settings daily-limit N`)";
    bank_written: "{file}：已写入题库 `{id}`", "{file}: bank `{id}` written";
    err_missing_file: "{path} 不存在；请检查路径", "{path} does not exist; check the path";
    err_cannot_read: "无法读取 {path}：{why}；请检查路径和权限", "cannot read {path}: {why}; check the path and its permissions";
    err_cannot_write: "无法写入 {path}：{why}；请确认所在文件夹存在且可写", "cannot write {path}: {why}; check that its folder exists and is writable";
    err_read_not_a_file: "无法读取 {path}：它是{kind}，不是普通文件；请指定文件本身", "cannot read {path}: it is a {kind}, not a regular file; name the file itself";
    err_write_not_a_file: "无法写入 {path}：它是{kind}，不是普通文件；请换一个新文件名（mianba 从不经由链接写入，也不写进设备）", "cannot write {path}: it is a {kind}, not a regular file; name a new file (mianba never writes through links or into devices)";
    err_write_exists: "无法写入 {path}：文件已存在；加 --force 覆盖它，或换一个文件", "cannot write {path}: it already exists; pass --force to replace it, or choose another file";
    err_write_kept: "无法写入 {path}：它是{what}，本命令要读取它；请换一个文件", "cannot write {path}: it is {what}, which this command reads; choose another file";
    err_write_io: "无法写入 {path}：{why}；请确认磁盘有空间、文件夹可写（原有文件未被改动）", "cannot write {path}: {why}; check there is space on the disk and the folder is writable (the old file, if any, is untouched)";
    skipped_unreadable_entry: "跳过了 {dir} 中一个无法读取的条目（{why}）", "skipped an entry of {dir} that cannot be read ({why})";
    skipped_not_a_file: "跳过了 {path}：它是{kind}，不是普通文件；请指定文件本身", "skipped {path}: it is a {kind}, not a regular file; name the file itself";
    skipped_broken: "跳过了 {path}：{why}；请检查链接或权限", "skipped {path}: {why}; check the link or its permissions";
    kind_folder: "文件夹", "folder";
    kind_symlink: "符号链接", "symbolic link";
    kind_regular: "普通文件", "regular file";
    kind_fifo: "命名管道（FIFO）", "FIFO";
    kind_device: "设备", "device";
    kind_socket: "套接字", "socket";
    kind_special: "特殊文件", "special file";
    kept_store: "数据库本身", "the store";
    kept_spreadsheet: "要导入的表格", "the spreadsheet";
    kept_set_file: "题组文件", "the set file";
    kept_roster: "考生名单", "the roster";
    kept_bundle: "要汇总的结果文件", "a result bundle of the report";
    err_exists: "{path} 已存在；请换一个 --out，或先删除它", "{path} already exists; choose another --out or remove it first";
    err_no_sessions_yet: "还没有保存过有回答的场次；先练习一场（`mianba practice`）", "there is no saved session with an answer yet; practise one first (`mianba practice`)";
    err_not_session_number: "`{n}` 不是场次编号；请用 `mianba history` 列出的编号，或 `latest`", "`{n}` is not a session number; use a number from `mianba history` or `latest`";
    err_no_session: "没有编号为 {id} 的场次；`mianba history` 列出已保存的场次", "there is no saved session {id}; `mianba history` lists the saved ones";
    err_no_bank: "没有 id 为 `{id}` 的题库；已加载：{known}（见 `mianba banks list`）", "no bank with id `{id}`; loaded: {known} (see `mianba banks list`)";
    err_no_bank_none: "无", "none";
    err_no_bank_or_file: "没有名为 `{arg}` 的题库文件或已加载题库；请检查路径，或用 `mianba banks list` 查看题库 id", "no bank file or loaded bank named `{arg}`; check the path, or run `mianba banks list` for bank ids";
    err_bank_is_folder: "{arg} 是文件夹；请给出一个题库文件（.toml）或已加载题库的 id", "{arg} is a folder; pass one bank file (.toml) or the id of a loaded bank";
    err_bank_invalid: "题库 {arg} 有误：{first}{more}；运行 `mianba banks validate {arg}` 查看全部问题", "bank {arg} is invalid: {first}{more}; run `mianba banks validate {arg}` to see every problem";
    err_and_more: "（另有 {n} 处）", " (and {n} more)";
    err_no_question: "题库 `{bank}`（{source}）中没有题目 `{q}`；运行 `mianba banks show {bank}` 查看题目", "question `{q}` is not in bank `{bank}` ({source}); run `mianba banks show {bank}` to list its questions";
    err_answer_too_large: "{name} 超过 {mib} MiB；回答应是文本，请确认文件是否正确", "{name} is larger than {mib} MiB; an answer is text — check that this is the right file";
    err_answer_stdin: "无法从标准输入读取回答（{why}）；请用 --answer FILE 给出", "cannot read the answer from stdin ({why}); pass it with --answer FILE";
    err_answer_stdin_name: "标准输入中的回答", "the answer on stdin";
    err_not_utf8: "{name} 不是 UTF-8 文本；请另存为 UTF-8 后再试", "{name} is not UTF-8 text; save the answer as UTF-8 and try again";
    err_no_bundles: "没有可读取的结果文件；请给出 `mianba set export` 写出的 .json 文件或其文件夹", "no readable result bundle was given; pass the .json files `mianba set export` wrote, or their folder";
    err_needs_terminal: "面试程序需要终端；在脚本中评分请用 `mianba score`", "the interview app needs a terminal; to score answers from a script use `mianba score`";
    err_set_and_draw: "--set 的题目来自作业；请去掉 --bank、--category、--count 和 --seed", "--set takes its questions from the set; drop --bank, --category, --count and --seed";
    err_set_invalid: "作业 {path} 有误：{first}{more}；运行 `mianba set validate {path}` 查看全部问题", "set {path} is invalid: {first}{more}; run `mianba set validate {path}` to see every problem";
    err_due_not_date: "--due {text} 不是日期；请写 2025-07-01 或 2025-07-01T18:00:00+08:00", "--due {text} is not a date; write 2025-07-01 or 2025-07-01T18:00:00+08:00";
    err_set_title_empty: "--title 不能为空；写上考生看到的作业名称，或不写 --title 用文件名", "--title is empty; write the title candidates see, or leave --title out to use the file name";
    err_due_past: "--due {text} 已经过去；写一个将来的日期，或确需如此时加 --allow-past", "--due {text} is already past; give a date to come, or add --allow-past if that is what you mean";
    err_set_count_over: "--count {count} 超过了可选的题目：所选题库和筛选条件下只有 {n} 道题；请用 --count {n} 或更少，或放宽 --bank/--category/--difficulty", "--count {count} is more than there is: the chosen banks and filters offer only {n} question(s); pass --count {n} or fewer, or widen --bank/--category/--difficulty";
    err_set_inline: "无法把题目写进作业（{why}）", "the questions cannot be written into the set ({why})";
    set_inline_fallback: "注意：题目没有写进作业，仍按题库引用（{why}）；考生需要装有同样的题库才能作答", "note: the questions stay references to their banks ({why}); candidates need the same banks to take the set";
    set_new_done: "{file}：作业 `{id}`，{n} 道题，校验和 {checksum}", "{file}: set `{id}` with {n} question(s), checksum {checksum}";
    err_new_set_invalid: "新作业将无效（{first}）；请检查 --title 和 --tutor", "the new set would be invalid ({first}); check --title and --tutor";
    err_no_set_session: "没有保存过来自作业 `{set}` 的场次；先用 `mianba practice --set {path}` 完成作业，或用 --session ID 指定", "no session taken from set `{set}` is saved; practise it with `mianba practice --set {path}` first, or pass --session ID";
    err_other_set: "场次 {id} 来自作业 `{taken}`，不是 `{set}`；请用 --set 给出那份作业文件", "session {id} was taken from set `{taken}`, not `{set}`; pass that set's file with --set";
    set_export_picked: "导出场次 {id}：作业 `{set}` 最近一次有回答的场次（{n} 个回答）；要导出别的场次请用 --session ID", "Exporting session {id}: the latest session of set `{set}` with answers ({n} answer(s)); pass --session ID for another";
    set_exported: "{file}：已导出作业 `{set}` 的 {n} 个回答（{name}）", "{file}: {n} answer(s) of set `{set}` for {name}";
    err_no_set_answers: "场次 {id} 没有回答作业 `{set}` 的任何题目；先用 `mianba practice --set {path}` 作答", "session {id} has no answer to any question of set `{set}`; answer them with `mianba practice --set {path}` first";
    err_bundle_untrusted: "结果文件 {file} 不可信（{flag}）；请老师批改你导出的原文件，不要修改", "bundle {file} cannot be trusted ({flag}); ask the tutor to grade the bundle you exported, unchanged";
    err_bundle_ungraded: "结果文件 {file} 还没有评分；请在老师批改后再导入", "bundle {file} has no grades yet; import it after a tutor has graded it";
    err_bundle_elsewhere: "结果文件 {file} 不是本数据库中的场次；请在导出它的地方导入（或给出那里的 --data-dir）", "bundle {file} is not from a session in this store; import it where it was exported (or pass that --data-dir)";
    err_export_no_name: "不知道考生姓名：请加 --name 你的姓名（或设置环境变量 MIANBA_NAME）", "no candidate name is known: pass --name YOUR-NAME (or set MIANBA_NAME)";
    grades_saved: "{file}：已为场次 {id} 保存 {n} 项评分", "{file}: {n} grade(s) saved against session {id}";
    sets_clean: "检查了 {n} 个作业文件，没有问题", "{n} set file(s), no problems";
    err_roster_large: "名单 {file} 超过 256 KiB；应每行一个考生姓名", "roster {file} is over 256 KiB; it should list one candidate name a line";
    err_roster_text: "名单 {file} 第 {line} 行不是 UTF-8、UTF-16 或 GBK/GB18030 文本；请另存为 UTF-8 或 GBK", "roster {file}: line {line} is not UTF-8, UTF-16 or GBK/GB18030 text; save it as UTF-8 or GBK";
    err_plan_bank: "未知题库 {id}；已加载：{valid}", "unknown bank {id}; the loaded banks are: {valid}";
    err_plan_category: "未知类别 {name}；所选题库中有：{valid}", "unknown category {name}; the chosen banks have: {valid}";
    err_plan_difficulty: "难度 {n} 超出范围；请用 1（易）、2 或 3（难）", "difficulty {n} is out of range; use 1 (easy), 2 or 3 (hard)";
    err_plan_empty: "没有符合所选题库、类别和难度的题目", "no question matches the chosen banks, categories and difficulty";
    err_plan_question: "题目 {id} 不在任何已加载的题库中", "question {id} is not in any loaded bank";
    err_store_dir: "无法创建数据文件夹 {path}：{why}；请检查权限，或用 --data-dir 指定", "cannot create the data folder {path}: {why}; check its permissions or pass --data-dir";
    err_store_damaged: "{path} 已损坏或不是面霸的数据库（{why}）；把它{wal}移到别处，面霸会新建一个", "{path} is damaged or is not a mianba store ({why}); move it aside{wal} and mianba will start a new store";
    err_store_damaged_wal: "连同 {wal} 一起", " together with {wal}";
    err_store_too_new: "{path} 由更新版本的面霸写入（数据库版本 {found}，本版本最高支持 {known}）；请更新面霸", "{path} was written by a newer mianba (store schema {found}, this version knows up to {known}); update mianba";
    err_store_sqlite: "无法使用数据库 {path}：{why}；请检查磁盘，并确认没有其他程序占用它", "cannot use the store {path}: {why}; check the disk and that no other program holds it";
    err_backup_large: "{path} 有 {size} 字节，超过面霸备份的上限（{limit} 字节）；请确认文件是否正确", "{path} is {size} bytes, more than a mianba backup can be ({limit} bytes); check it is the right file";
    err_backup_invalid: "{path} 不是有效的面霸备份（{why}）；未导入任何内容——请使用 `mianba export` 写出的文件", "{path} is not a valid mianba backup ({why}); nothing was imported — use a file written by `mianba export`";
    err_backup_too_new: "{path} 由更新版本的面霸写入（备份版本 {found}，本版本最高读取 {known}）；未导入任何内容——请更新面霸", "{path} was written by a newer mianba (backup version {found}, this version reads up to {known}); nothing was imported — update mianba";
    err_grader_empty: "--grader 为空；请给出评分人姓名", "--grader is empty; give the grader's name";
    err_grading_internal: "mianba 内部出错；出错前记下的评分都已保存", "mianba hit an internal error; every grade recorded before it was saved";
    err_grading_terminal: "阅卷需要终端；在脚本中请用 `mianba class report` 查看结果", "grading needs a terminal; from a script use `mianba class report` to read the results";
    err_two_bundles_one_file: "两个结果文件会保存为同一个 {file}；请分两次批改，或给其中一个改名", "two bundles would be saved as {file}; grade them in two runs or rename one";
    err_bundle_no_answers: "{file} 中没有可批改的回答", "{file} has no answers to grade";
    err_store_json: "{what}（{path}）无法以 JSON 保存或读回：{why}", "{what} in {path} cannot be stored or read back as JSON: {why}";

    // Problems in a user's file (banks, sheets, sets): `crate::message::Message` templates, each
    // names the place (`FILE:LINE:COLUMN: ` is put before it) and the fix. Names, keys and
    // values from the file stay as written.
    pr_toml_syntax: "TOML 语法错误：{detail}", "TOML syntax error: {detail}";
    pr_defined_twice: "TOML 语法错误：`{key}` 已在第 {line} 行定义过；请把两处合并", "TOML syntax error: `{key}` is already defined on line {line}; merge the two";
    pr_unknown_field_near: "未知字段 `{key}`；是不是想写 `{near}`？", "unknown field `{key}`; did you mean `{near}`?";
    pr_unknown_field: "{table} 中有未知字段 `{key}`；请删除它（可用字段：{known}）", "unknown field `{key}` in {table}; remove it (known fields: {known})";
    pr_missing_field: "{table} 缺少字段 `{key}`；请加上 `{key} = …`", "missing field `{key}` in {table}; add `{key} = …`";
    pr_wrong_type: "`{key}` 应为{wanted}，实际是{found}", "`{key}` must be {wanted}, found {found}";
    pr_must_be: "`{key}` 应为{wanted}", "`{key}` must be {wanted}";
    pr_out_of_range: "`{key}` 应在 {lo} 到 {hi} 之间，实际是 {found}", "`{key}` must be from {lo} to {hi}, found {found}";
    pr_entry_type: "`{key}` 的每一项都应是{wanted}，实际是{found}", "each entry of `{key}` must be {wanted}, found {found}";
    pr_text_empty: "`{key}` 为空；请填写", "`{key}` is empty; write it";
    pr_id_empty: "{what}为空；请用 a-z、0-9 和 '-' 写一个", "{what} is empty; write one using a-z, 0-9 and '-'";
    pr_id_chars: "{what} `{id}` 只能使用 a-z、0-9 和 '-'{hint}", "{what} `{id}` may only use a-z, 0-9 and '-'{hint}";
    pr_id_try: "；可以写成 `{id}`", "; try `{id}`";
    pr_duplicate: "{what} `{name}` 重复（第 {first} 行已用过）；请给其中一个改名", "duplicate {what} `{name}` (first used on line {first}); rename one of them";
    pr_phrases_empty: "`{key}` 为空；请至少列出一个短语，例如 [\"抱歉\", \"对不起\"]", "`{key}` is empty; list at least one phrase, e.g. [\"抱歉\", \"对不起\"]";
    pr_phrase_empty: "`{key}` 中有空短语；请删除它或写上内容", "empty phrase in `{key}`; remove it or write the words";
    pr_did_you_mean: "是不是想写 `{near}`？", "did you mean `{near}`?";
    pr_use_one_of: "请使用其中之一：{list}", "use one of: {list}";
    pr_no_schema: "缺少 `schema = 1`；请把它写在{what}的第一行", "missing `schema = 1`; add it as the first line of the {what}";
    pr_schema_newer: "这个{what}是 schema {n}，本版本面霸只读 schema {known}——请更新面霸", "this {what} is schema {n}; this mianba reads schema {known} — update mianba";
    pr_schema_unknown: "schema {n} 不存在；请写 `schema = {known}`", "schema {n} does not exist; write `schema = {known}`";
    pr_language: "`language` 应为 \"zh\" 或 \"en\"，实际是 \"{found}\"", "`language` must be \"zh\" or \"en\", found \"{found}\"";
    pr_no_bank_table: "缺少 [bank] 表；请加上 [bank]，写明 id、title 和 language", "missing the [bank] table; add [bank] with id, title and language";
    pr_bank_no_questions: "题库中没有题目；请加一个 [[questions]]", "the bank has no questions; add a [[questions]] entry";
    pr_no_sections: "这个结构没有 `sections`；请加上 sections = [{ name = \"…\", cues = [\"…\"] }]", "this structure has no `sections`; add sections = [{ name = \"…\", cues = [\"…\"] }]";
    pr_no_points: "这道题没有得分点；请加一个 [[questions.points]]，写明 `name` 和 `any`", "this question has no points; add a [[questions.points]] with `name` and `any`";
    pr_no_followup_points: "这个追问没有得分点；请加一个 [[questions.followups.points]]，写明 `name` 和 `any`", "this follow-up has no points; add a [[questions.followups.points]] with `name` and `any`";
    pr_bundled_reference: "[[questions]] 缺少字段 `reference`；内置题库的每道题都需要参考答案", "missing field `reference` in [[questions]]; bundled banks need a model answer for every question";
    pr_add_structure: "请加一个 id = \"{id}\" 的 [[structures]]", "add a [[structures]] entry with id = \"{id}\"";
    pr_structure_undefined: "这个题库中没有定义结构 `{id}`；{fix}", "structure `{id}` is not defined in this bank; {fix}";
    pr_figure: "配图 `{path}` {why}", "figure `{path}` {why}";
    pr_concepts_empty: "`concepts` 为空；请至少写一个 assets/concepts.toml 中的概念，或删除这个字段", "`concepts` is empty; name at least one concept of assets/concepts.toml, or remove the field";
    pr_concept_hint: "请使用 assets/concepts.toml 中的 id（`mianba banks concepts` 可列出）", "use an id of assets/concepts.toml (listed by `mianba banks concepts`)";
    pr_unknown_concept: "未知概念 `{id}`；{fix}", "unknown concept `{id}`; {fix}";
    pr_no_points_to_name: "这道题没有可指的得分点", "the question has no points to name";
    pr_when_missing: "when_missing `{name}` 不是这道题的得分点；{fix}", "when_missing `{name}` names no point of this question; {fix}";
    pr_target_one: "`target_chars` 应为{wanted}，实际只有 1 个值", "`target_chars` must be {wanted}, found 1 value";
    pr_target_count: "`target_chars` 应为{wanted}，实际有 {n} 个值", "`target_chars` must be {wanted}, found {n} values";
    pr_target_order: "`target_chars` 的最小值 {min} 大于最大值 {max}；请写成 [{max}, {min}]", "`target_chars` min {min} is greater than max {max}; write [{max}, {min}]";
    pr_weights_sum: "权重之和为 {sum}，不是 1；请调整 content、structure 和 delivery，使三者相加为 1", "weights sum to {sum}, not 1; change content, structure and delivery so they add up to 1";
    pr_too_large: "{what}有 {size} 字节，超过 {max} 字节（{shown}）的上限；{fix}", "the {what} is {size} bytes, over the {max}-byte ({shown}) limit; {fix}";
    pr_not_utf8: "文件此处不是 UTF-8 文本；请另存为 UTF-8", "the file is not UTF-8 text here; save it as UTF-8";
    pr_cannot_read_kind: "无法读取{what}（{why}）；请检查路径和权限", "cannot read the {what} ({why}); check the path and its permissions";
    pr_is_folder: "这是文件夹；{fix}", "is a folder; {fix}";
    pr_not_regular: "这是{kind}，不是普通文件；请换成{what}本身", "is a {kind}, not a regular file; replace it with the {what} itself";
    pr_cannot_read_folder: "无法读取这个文件夹（{why}）；请检查权限", "cannot read this folder ({why}); check its permissions";
    pr_no_such_path: "没有这个文件或文件夹；请检查路径", "no such file or folder; check the path";
    pr_cannot_read: "无法读取（{why}）；请检查路径和权限", "cannot read ({why}); check the path and its permissions";
    pr_bank_id_taken: "题库 id `{id}` 已被 {first} 使用；请给其中一个换个 id", "bank id `{id}` is already used by {first}; give one of them another id";
    pr_no_bank_folder: "没有这个题库文件夹；请检查 --banks 路径", "no such bank folder; check the --banks path";
    pr_cannot_read_bank_folder: "无法读取这个题库文件夹（{why}）；请检查权限", "cannot read this bank folder ({why}); check its permissions";
    pr_sheet_encoding: "此字段不是 UTF-8、UTF-16 或 GBK/GB18030 文本；请另存为 UTF-8 或 GBK（Excel：另存为「CSV UTF-8」）", "the file is not UTF-8, UTF-16 or GBK/GB18030 text in this field; save it as UTF-8 or GBK (Excel: Save As \"CSV UTF-8\")";
    pr_header_unreadable: "无法读取表头行（{why}）", "cannot read the header row ({why})";
    pr_sheet_empty: "文件是空的；请加一行表头（prompt, category, points, …），每道题再写一行", "the file is empty; add a header row (prompt, category, points, …) and one row per question";
    pr_column_twice: "列 `{column}` 出现了两次；请只保留一列", "column `{column}` appears twice; keep one";
    pr_known_columns: "可用的列：{list}", "known columns: {list}";
    pr_unknown_column: "未知列 `{column}`；{fix}", "unknown column `{column}`; {fix}";
    pr_no_column: "表头中没有 `{column}` 列；请加上", "the header has no `{column}` column; add it";
    pr_row_unreadable: "无法读取这一行（{why}）；请检查引号", "cannot read this row ({why}); check its quotes";
    pr_row_fields: "这一行有 {n} 个字段，表头有 {header} 个；请增删分隔符使两者一致", "this row has {n} fields but the header has {header}; add or remove separators so they match";
    pr_row_id_taken: "id `{id}` 已在第 {first} 行用过；请给每一行不同的 id", "id `{id}` is already used on line {first}; give each row its own id";
    pr_cell_empty: "`{column}` 为空；请填写", "`{column}` is empty; fill it in";
    pr_cell_number: "`{column}` 应为介于 {lo} 到 {hi} 之间的整数，实际是 `{found}`", "`{column}` must be a whole number from {lo} to {hi}, found `{found}`";
    pr_avoid_no_phrase: "避免项 `{entry}` 没有列出短语；请写成 why:phrase|phrase", "avoid entry `{entry}` lists no phrase; write why:phrase|phrase";
    pr_no_rows: "表头下没有题目行；请每道题写一行", "there are no question rows under the header; add one row per question";
    pr_point_no_phrase: "得分点 `{entry}` 没有列出短语；请写成 name:phrase|phrase", "point `{entry}` lists no phrase; write name:phrase|phrase";
    pr_point_twice: "得分点 `{name}` 出现了两次；请用 `|` 合并它的短语", "point `{name}` appears twice; merge its phrases with `|`";
    pr_points_empty: "`points` 为空；请至少写一个，例如 致歉:抱歉|对不起", "`points` is empty; write at least one, e.g. 致歉:抱歉|对不起";
    pr_set_too_large: "作业有 {size} 字节，超过 1 MiB 的上限；请拆成几个小作业", "the set is {size} bytes, over the 1 MiB limit; split it into smaller sets";
    pr_no_set_table: "缺少 [set] 表；请加上 [set]，写明 id 和 title", "missing the [set] table; add [set] with id and title";
    pr_mode: "`mode` 应为 \"practice\"、\"exam\" 或 \"spoken\"，实际是 \"{found}\"", "`mode` must be \"practice\", \"exam\" or \"spoken\", found \"{found}\"";
    pr_set_no_questions: "作业中没有题目；请加上 [[questions]]，写 ref = \"bank/question\" 或直接写出题目", "the set has no questions; add [[questions]] entries with ref = \"bank/question\" or an inline question";
    pr_with_ref: "`{key}` 不能和 `ref` 同用：引用的题目按其题库原样使用；请删除它，或去掉 `ref` 把题目直接写进作业", "`{key}` cannot go with `ref`: a referenced question is used as its bank has it; remove it, or write the question inline without `ref`";
    pr_ref_twice: "题目 `{id}` 已在本作业中（第 {first} 项）；请删除其中一个", "question `{id}` is already in this set (entry {first}); remove one of them";
    pr_ref_hint: "运行 `mianba banks list` 和 `mianba banks show ID` 查看题目 id，或用 --banks DIR 指定题库", "run `mianba banks list` and `mianba banks show ID` to see the question ids, or pass the bank with --banks DIR";
    pr_ref_unknown: "ref `{id}` 不是已加载的题目；{fix}", "ref `{id}` names no loaded question; {fix}";
    fig_empty_path: "为空；请写相对于题库文件的路径，例如 \"figures/chart.txt\"", "is empty; write a path relative to the bank file, e.g. \"figures/chart.txt\"";
    fig_absolute: "是绝对路径；请写相对于题库文件、位于题库文件夹内的路径", "is an absolute path; write it relative to the bank file, inside the bank's folder";
    fig_parent_dir: "跳出了题库文件夹（`..`）；请把配图放在文件夹内，例如 figures/ 中", "leaves the bank's folder (`..`); keep figures inside it, e.g. in figures/";
    fig_escapes: "指向题库文件夹之外（符号链接？）；请把文件复制到文件夹内", "resolves outside the bank's folder (a symbolic link?); copy the file into the folder";
    fig_missing: "不存在；请检查路径（相对于题库文件）", "not found; check the path, which is relative to the bank file";
    fig_too_large: "有 {size} 字节，超过 {max} 字节（64 KiB）的上限；请缩短", "is {size} bytes, over the {max}-byte (64 KiB) limit; shorten it";
    fig_unreadable: "无法读取（{why}）；请检查权限", "cannot be read ({why}); check its permissions";
    fig_not_a_file: "不是文件", "it is not a file";
    fig_not_regular: "是{kind}，不是普通文件", "it is a {kind}, not a regular file";
    fig_not_text: "不是 UTF-8 文本；请另存为 UTF-8", "is not UTF-8 text; save it as UTF-8";
    file_bank: "题库", "bank";
    file_set: "作业", "set";
    file_sheet: "表格", "spreadsheet";
    fix_split_banks: "请拆成几个小题库", "split it into smaller banks";
    fix_split_sheet: "请拆成几个文件", "split it into several files";
    fix_split_sets: "请拆成几个小作业", "split it into smaller sets";
    fix_bank_folder: "请给出题库文件（.toml），或对文件夹运行 `banks validate`", "pass a bank file (.toml) or use `banks validate` on the folder";
    fix_sheet_folder: "请给出一个 .csv 或 .tsv 文件", "pass one .csv or .tsv file";
    fix_set_folder: "请给出作业文件（.toml）", "pass a set file (.toml)";
    what_bank_id: "题库 id", "bank id";
    what_set_id: "作业 id", "set id";
    what_question_id: "题目 id", "question id";
    what_structure_id: "结构 id", "structure id";
    what_point_name: "得分点名称", "point name";
    tbl_top_level: "文件顶层", "the top level";
    tbl_section: "`sections` 的一项", "a `sections` entry";
    want_text: "带引号的文本", "text in quotes";
    want_bool: "布尔值 true 或 false（不加引号）", "true or false (no quotes)";
    want_whole_number: "介于 {lo} 到 {hi} 之间的整数", "a whole number from {lo} to {hi}";
    want_fraction: "介于 0 到 1 之间的数", "a number from 0 to 1";
    want_text_list: "带引号的文本列表，例如 [\"…\", \"…\"]", "a list of text in quotes, e.g. [\"…\", \"…\"]";
    want_table: "表（{name}）", "a table ({name})";
    want_tables: "表的列表（{name}）", "a list of tables ({name})";
    want_number: "数字 {n}（不加引号）", "the number {n} (no quotes)";
    want_concept_ids: "概念 id 的列表，例如 [\"apology\"]", "a list of concept ids, e.g. [\"apology\"]";
    want_concept_id: "带引号的概念 id", "a concept id in quotes";
    want_min_max: "两个整数 [最小, 最大]，例如 [120, 500]", "two whole numbers [min, max], e.g. [120, 500]";
    want_ref: "带引号的文本，例如 \"complaint/wrong-size\"", "text in quotes, e.g. \"complaint/wrong-size\"";
    want_due: "日期（如 2025-07-01）或日期时间（如 2025-07-01T18:00:00+08:00）", "a date like 2025-07-01 or a date-time like 2025-07-01T18:00:00+08:00";
    type_string: "文本", "string";
    type_integer: "整数", "integer";
    type_float: "小数", "float";
    type_boolean: "布尔值", "boolean";
    type_datetime: "日期时间", "datetime";
    type_array: "列表", "array";
    type_table: "表", "table";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides_and_falls_back_to_english() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh_TW"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn both_languages_are_complete_and_agree_on_placeholders() {
        let zh = Lang::Zh.ui().entries();
        let en = Lang::En.ui().entries();
        assert_eq!(zh.len(), en.len());
        for ((name, z), (_, e)) in zh.iter().zip(&en) {
            assert!(!z.is_empty() && !e.is_empty(), "{name} is empty");
            assert_eq!(
                placeholders(z),
                placeholders(e),
                "{name}: placeholders differ"
            );
            // The Chinese UI should read as Chinese (its punctuation counts: 「」 and the
            // full-width ：), apart from key names.
            let chinese = |c: char| {
                ('\u{4e00}'..='\u{9fff}').contains(&c)
                    || ('\u{3000}'..='\u{303f}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)
            };
            assert!(
                z.chars().any(chinese) || z == e,
                "{name}: the zh string has no Chinese"
            );
        }
    }

    #[test]
    fn fill_replaces_every_named_placeholder() {
        let s = fill(
            Lang::En.ui().too_small,
            &[("w", &40), ("h", &12), ("cw", &20), ("ch", &5)],
        );
        assert_eq!(
            s,
            "Window too small: needs at least 40x12, now 20x5. Please enlarge it."
        );
        let z = fill(Lang::Zh.ui().question_of, &[("i", &1), ("n", &4)]);
        assert_eq!(z, "第 1/4 题");
    }

    #[test]
    fn fill_shows_values_as_written() {
        // A name from a file may look like a placeholder; it is not filled in turn.
        let s = fill(
            "{candidate} · {set}",
            &[("candidate", &"{set}"), ("set", &"作业一")],
        );
        assert_eq!(s, "{set} · 作业一");
        assert_eq!(fill("{a} {unknown} {", &[("a", &"x")]), "x {unknown} {");
        assert_eq!(fill("{a}{a}", &[("a", &"{")]), "{{");
    }
}
