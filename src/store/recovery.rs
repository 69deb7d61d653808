//! Answers the store could not take. When saving an answer fails (the store damaged, read-only,
//! or the disk full), the answer and its scorecard go to a plain JSON file in `recovered/`
//! beside the store — or, when that folder cannot be written either, in the temporary folder —
//! so no typed text is lost. The next start brings every such file back into the (working)
//! store as one session per interrupted session, then removes the file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use serde_json::Value;

use super::{AnswerFields, Draft, NewAnswer, NewSession, SessionId, Store, StoreResult};
use crate::files::{WriteRules, read_capped, write_file};
use crate::scoring::Scorecard;

/// The `format` of a recovery file.
pub const RECOVERY_FORMAT: &str = "mianba-recovered-answer";
/// The `format` of a recovered draft (the answer being typed when the store failed).
pub const DRAFT_FORMAT: &str = "mianba-recovered-draft";
/// A recovery file holds one answer; anything larger is not one.
const MAX_RECOVERY_BYTES: u64 = 16 * 1024 * 1024;

/// One answer as it was to be saved, with what is needed to make its session again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveredAnswer {
    pub format: String,
    /// Why the store refused it, as the screen said.
    pub why: String,
    /// The session's id in the store that failed: answers of one session come back together.
    pub session_id: i64,
    #[serde(flatten)]
    pub fields: AnswerFields,
    pub scorecard: Scorecard,
}

impl RecoveredAnswer {
    pub fn of(a: &NewAnswer<'_>, why: &str) -> RecoveredAnswer {
        RecoveredAnswer {
            format: RECOVERY_FORMAT.into(),
            why: why.into(),
            session_id: a.session_id.0,
            fields: AnswerFields::of(a),
            scorecard: a.scorecard.clone(),
        }
    }
}

impl std::ops::Deref for RecoveredAnswer {
    type Target = AnswerFields;
    fn deref(&self) -> &AnswerFields {
        &self.fields
    }
}

/// The answer being typed when its autosave failed: kept so quitting loses nothing either.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveredDraft {
    pub format: String,
    pub why: String,
    pub draft: Draft,
    pub seconds: u32,
}

/// Writes (or rewrites: one file per draft key) a draft the store could not take.
pub fn keep_draft(
    data_dir: &Path,
    draft: &Draft,
    seconds: u32,
    why: &str,
) -> Result<PathBuf, String> {
    let kept = RecoveredDraft {
        format: DRAFT_FORMAT.into(),
        why: why.into(),
        draft: draft.clone(),
        seconds,
    };
    let json = serde_json::to_vec_pretty(&kept).map_err(|e| e.to_string())?;
    let name = draft_file_name(&draft.key);
    let replace = WriteRules {
        replace: true,
        keep: &[],
    };
    let mut last = String::new();
    for dir in recovery_dirs(data_dir) {
        if let Err(e) = ready_dir(&dir) {
            last = e;
            continue;
        }
        let path = dir.join(&name);
        match write_file(&path, &json, &replace) {
            Ok(()) => return Ok(path),
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}

/// Makes a recovery folder that only this user can read (answers are private), and checks
/// that one already there is a real folder of this user's — in the shared temporary folder,
/// someone else could have put a link or a folder of theirs under the same name.
fn ready_dir(dir: &Path) -> Result<(), String> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    own_dir(dir)
}

/// `dir` is a real folder (not a link) owned by this user.
fn own_dir(dir: &Path) -> Result<(), String> {
    let meta = std::fs::symlink_metadata(dir).map_err(|e| e.to_string())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: getuid has no preconditions and cannot fail.
        let me = unsafe { libc::getuid() };
        if !meta.file_type().is_dir() || meta.uid() != me {
            return Err(format!(
                "{} is not a folder of this user's; remove it",
                dir.display()
            ));
        }
    }
    #[cfg(not(unix))]
    if !meta.file_type().is_dir() {
        return Err(format!("{} is not a folder; remove it", dir.display()));
    }
    Ok(())
}

/// The file a draft key is kept in.
fn draft_file_name(key: &str) -> String {
    let name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("draft-{name}.json")
}

/// Removes the kept copy of a draft that was submitted or discarded (if there is one).
pub fn forget_draft(data_dir: &Path, key: &str) {
    for dir in recovery_dirs(data_dir) {
        let _ = std::fs::remove_file(dir.join(draft_file_name(key)));
    }
}

/// Where recovery files go for the store in `data_dir`, in the order tried: beside the store,
/// else in the temporary folder under a name of this user and this data folder (so only a
/// start with the same data folder brings them back).
pub fn recovery_dirs(data_dir: &Path) -> Vec<PathBuf> {
    #[cfg(unix)]
    let who = {
        // SAFETY: getuid has no preconditions and cannot fail.
        unsafe { libc::getuid() }
    };
    #[cfg(not(unix))]
    let who = "user";
    let folder = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let tag = crate::tutor::digest::sha256_hex(folder.as_os_str().as_encoded_bytes());
    let tag = tag.get(..12).unwrap_or(&tag);
    vec![
        data_dir.join("recovered"),
        std::env::temp_dir().join(format!("mianba-recovered-{who}-{tag}")),
    ]
}

/// Writes the answer to a new recovery file; the path, or why no folder could take it.
pub fn keep(data_dir: &Path, answer: &RecoveredAnswer) -> Result<PathBuf, String> {
    let json = serde_json::to_vec_pretty(answer).map_err(|e| e.to_string())?;
    let mut last = String::new();
    for dir in recovery_dirs(data_dir) {
        if let Err(e) = ready_dir(&dir) {
            last = e;
            continue;
        }
        let name = format!(
            "answer-{}-{}-{}.json",
            answer.session_id,
            answer.created_at,
            std::process::id()
        );
        let mut path = dir.join(&name);
        let mut n = 1;
        while path.exists() {
            path = dir.join(format!("{}-{n}.json", name.trim_end_matches(".json")));
            n += 1;
        }
        match write_file(&path, &json, &WriteRules::default()) {
            Ok(()) => return Ok(path),
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}

/// What `restore` brought back.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Restored {
    pub answers: usize,
    /// Drafts put back (offered by the restore prompt as any draft).
    pub drafts: usize,
    /// The sessions made for them, in the working store.
    pub sessions: Vec<SessionId>,
    /// Files that could not be read or saved, each with why (left where they are).
    pub problems: Vec<String>,
}

/// Saves every recovery file of `data_dir` into `store` and removes it once saved.
pub fn restore(store: &Store, data_dir: &Path, lang: &str) -> StoreResult<Restored> {
    let mut found: Vec<(PathBuf, RecoveredAnswer)> = Vec::new();
    let mut drafts: Vec<(PathBuf, RecoveredDraft)> = Vec::new();
    let mut out = Restored::default();
    for dir in recovery_dirs(data_dir) {
        // Only a folder of this user's: nobody else's files come into this store.
        if own_dir(&dir).is_err() {
            continue;
        }
        // What it skipped is not shown: the language of its sentences does not matter here.
        let Ok((files, _)) = crate::files::scan_folder(&dir, "json", crate::i18n::Lang::En) else {
            continue;
        };
        for f in files {
            let parsed = read_capped(&f, MAX_RECOVERY_BYTES)
                .map_err(|_| "cannot be read".to_string())
                .and_then(|b| serde_json::from_slice::<Value>(&b).map_err(|e| e.to_string()));
            let kind = parsed
                .as_ref()
                .ok()
                .and_then(|v| v.get("format"))
                .and_then(Value::as_str)
                .map(str::to_string);
            let read = parsed.and_then(|v| match kind.as_deref() {
                Some(RECOVERY_FORMAT) => serde_json::from_value(v)
                    .map(|a| found.push((f.clone(), a)))
                    .map_err(|e| e.to_string()),
                Some(DRAFT_FORMAT) => serde_json::from_value(v)
                    .map(|d| drafts.push((f.clone(), d)))
                    .map_err(|e| e.to_string()),
                _ => Err("it is not a mianba recovery file".into()),
            });
            if let Err(e) = read {
                out.problems.push(format!("{}: {e}", f.display()));
            }
        }
    }
    found.sort_by_key(|(_, a)| (a.session_id, a.created_at));
    let mut current: Option<(i64, SessionId)> = None;
    // A follow-up hangs under the main answer to its question restored with it, if any.
    let mut mains: std::collections::HashMap<String, super::AnswerId> =
        std::collections::HashMap::new();
    for (file, a) in &found {
        let session = match current {
            Some((old, id)) if old == a.session_id => id,
            _ => {
                mains.clear();
                let id = store.create_session(&NewSession {
                    started_at: a.created_at - i64::from(a.seconds_used),
                    mode: a.mode,
                    preset: None,
                    seed: 0,
                    banks: vec![a.bank_id.clone()],
                    lang: lang.into(),
                })?;
                out.sessions.push(id);
                current = Some((a.session_id, id));
                id
            }
        };
        let parent = a.followup.and_then(|_| mains.get(&a.question_id).copied());
        let id = store.save_answer(&a.fields.to_new(session, parent, &a.scorecard))?;
        if a.followup.is_none() {
            mains.insert(a.question_id.clone(), id);
        }
        out.answers += 1;
        // Saved: the file has done its work. If it cannot be removed it is offered again, and
        // the answer would be saved twice — better than lost.
        let _ = std::fs::remove_file(file);
    }
    for (file, d) in &drafts {
        // A draft saved since (in a store that works again) is newer: keep that one.
        let here = store.latest_draft()?.filter(|h| h.key == d.draft.key);
        if here.is_none_or(|h| h.updated_at < d.draft.updated_at) {
            store.save_draft(&d.draft)?;
            store.set_draft_seconds(&d.draft.key, d.seconds)?;
            out.drafts += 1;
        }
        let _ = std::fs::remove_file(file);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::BankSet;
    use crate::scoring::Rubric;
    use crate::session::Mode;

    fn answer(session_id: i64, followup: Option<usize>, text: &str, at: i64) -> RecoveredAnswer {
        let banks = BankSet::bundled();
        let bank = banks.get("complaint").unwrap();
        let q = &bank.questions[0];
        let card = Rubric::compile(bank, q).score(text, Some(30));
        RecoveredAnswer::of(
            &NewAnswer {
                session_id: SessionId(session_id),
                parent: None,
                question_id: &bank.full_id(q),
                followup,
                bank_id: &bank.id,
                category: &q.category,
                prompt: &q.prompt,
                answer_text: text,
                seconds_used: 30,
                attempt: 1,
                scorecard: &card,
                mode: Mode::Practice,
                created_at: at,
            },
            "disk full",
        )
    }

    #[test]
    fn kept_answers_come_back_by_session_with_follow_ups_under_their_answer() {
        let dir = tempfile::tempdir().unwrap();
        for a in [
            answer(4, None, "您好，非常抱歉。", 1_700_000_100),
            answer(4, Some(0), "我会马上核实。", 1_700_000_200),
            answer(9, None, "先道歉。", 1_700_000_300),
        ] {
            keep(dir.path(), &a).unwrap();
        }
        std::fs::write(dir.path().join("recovered/broken.json"), "{").unwrap();
        let store = Store::open(dir.path()).unwrap();
        let r = restore(&store, dir.path(), "zh").unwrap();
        assert_eq!(r.answers, 3);
        assert_eq!(r.sessions.len(), 2);
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        let first = store.session(r.sessions[0]).unwrap().unwrap();
        assert_eq!(first.answers.len(), 1);
        assert_eq!(first.answers[0].answer_text, "您好，非常抱歉。");
        assert_eq!(first.answers[0].followups[0].answer_text, "我会马上核实。");
        // Only the unreadable file is left, for the user to look at.
        let left: Vec<_> = std::fs::read_dir(dir.path().join("recovered"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["broken.json"]);
        // Restoring again adds nothing.
        assert_eq!(restore(&store, dir.path(), "zh").unwrap().answers, 0);
    }
}
