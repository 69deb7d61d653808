//! Interview plans, the interview mode and the clock. No terminal, no real time and no real
//! randomness inside: the clock and the seed come in from the caller.
//!
//! The interview state machine that runs a plan (phases, warnings, cut-off, follow-ups) was
//! written in `crate::tui::interview` while this module was pending; it is terminal-free and
//! belongs here, so one copy should move in rather than a second be written.

pub mod clock;
pub mod mode;
pub mod plan;

pub use clock::{Clock, FakeClock, SystemClock};
pub use mode::Mode;
pub use plan::{Plan, PlanError, PlanRequest, Preset, QuestionRef, Thinking, civil_service};
