//! A message kept in both languages until it is shown. The core (bank and set checks, the
//! spreadsheet importer) says what is wrong without knowing the UI language; each place that
//! shows it to a person (the CLI, the TUI) renders it with `in_lang`. `Display`, `Debug`,
//! comparisons and JSON use the English text, so logs and `--json` output stay stable.
//!
//! A message is a template of the UI strings (`crate::i18n`) and its values; a value is either
//! text from a file (shown as written, cleaned of control characters) or another message
//! (rendered in the same language), e.g. the "did you mean …" fix inside a problem.
//!
//! ```
//! use mianba::i18n::Lang;
//! use mianba::msg;
//!
//! let m = msg!(pr_unknown_field_near, key = "wieght", near = "weight");
//! assert_eq!(m.to_string(), "unknown field `wieght`; did you mean `weight`?");
//! assert_eq!(m.in_lang(Lang::Zh), "未知字段 `wieght`；是不是想写 `weight`？");
//! ```

use std::cmp::Ordering;
use std::fmt;

use crate::i18n::{Lang, Ui, fill};
use crate::text::sanitize_line;

/// A message of the UI strings with its values; see the module comment.
#[derive(Clone)]
pub struct Message {
    template: Template,
    args: Vec<(&'static str, Arg)>,
}

#[derive(Clone, Copy)]
enum Template {
    /// A string of `crate::i18n::Ui`.
    Ui(fn(&Ui) -> &'static str),
    /// Text that reads the same in both languages (a TOML table name such as `[set]`).
    Same(&'static str),
}

/// One value of a message.
#[derive(Clone)]
pub enum Arg {
    Text(String),
    Message(Message),
}

impl Message {
    /// The UI string `template` picks; values are added with `with` (or use `msg!`).
    pub fn new(template: fn(&Ui) -> &'static str) -> Message {
        Message {
            template: Template::Ui(template),
            args: Vec::new(),
        }
    }

    /// Text that is the same in every language (names of the file format, never prose).
    pub const fn same(text: &'static str) -> Message {
        Message {
            template: Template::Same(text),
            args: Vec::new(),
        }
    }

    /// Text from elsewhere (a system error), shown as written in both languages.
    pub fn verbatim(text: impl Into<Arg>) -> Message {
        Message::same("{text}").with("text", text)
    }

    /// Fills `{name}` with `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let template = match self.template {
            Template::Ui(pick) => pick(lang.ui()),
            Template::Same(text) => text,
        };
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| match arg {
                Arg::Text(t) => (*name, t.clone()),
                Arg::Message(m) => (*name, m.in_lang(lang)),
            })
            .collect();
        let args: Vec<(&str, &dyn fmt::Display)> = values
            .iter()
            .map(|(n, v)| (*n, v as &dyn fmt::Display))
            .collect();
        fill(template, &args)
    }
}

/// `msg!(name, key = value, …)`: the UI string `name` of `crate::i18n` with its values.
#[macro_export]
macro_rules! msg {
    ($name:ident $(, $key:ident = $value:expr)* $(,)?) => {
        $crate::message::Message::new(|ui| ui.$name)$(.with(stringify!($key), $value))*
    };
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

// Two messages are the same when they say the same (in English): templates are functions,
// whose addresses say nothing.
impl PartialEq for Message {
    fn eq(&self, other: &Message) -> bool {
        self.in_lang(Lang::En) == other.in_lang(Lang::En)
    }
}

impl Eq for Message {}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.in_lang(Lang::En) == *other
    }
}

impl PartialOrd for Message {
    fn partial_cmp(&self, other: &Message) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Message {
    fn cmp(&self, other: &Message) -> Ordering {
        self.to_string().cmp(&other.to_string())
    }
}

impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl From<&'static str> for Message {
    fn from(text: &'static str) -> Message {
        Message::same(text)
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(m)
    }
}

// Text values quote files: what could disguise the terminal line is stripped here, once.
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(sanitize_line(s))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::from(s.as_str())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::from(s.as_str())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Text(n.to_string())
            }
        }
    )*};
}

number_args!(usize, u64, u32, i64, f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_cleaned_and_nested_messages_follow_the_language() {
        let fix = msg!(pr_did_you_mean, near = "weight");
        let m = msg!(pr_unknown_concept, id = "a\u{1b}[2Jb", fix = fix);
        assert_eq!(
            m.to_string(),
            "unknown concept `a[2Jb`; did you mean `weight`?"
        );
        assert_eq!(
            m.in_lang(Lang::Zh),
            "未知概念 `a[2Jb`；是不是想写 `weight`？"
        );
        assert_eq!(Message::same("[set]").in_lang(Lang::Zh), "[set]");
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            "\"unknown concept `a[2Jb`; did you mean `weight`?\""
        );
    }
}
