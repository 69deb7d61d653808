//! Interview plans, the interview mode and the clock. No terminal, no real time and no real
//! randomness inside: the clock and the seed come in from the caller.
//!
//! `interview` is the state machine that runs a plan (phases, warnings, cut-off,
//! follow-ups); the terminal app drives it.

pub mod clock;
pub mod interview;
pub mod mode;
pub mod plan;

pub use clock::{Clock, FakeClock, SystemClock};
pub use mode::Mode;
pub use plan::{Plan, PlanError, PlanRequest, Preset, QuestionRef, Thinking, civil_service};
