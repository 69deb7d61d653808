//! Interview plans, the interview state machine and the clock. No terminal, no real time and
//! no real randomness inside: the clock and the seed come in from the caller.

pub mod clock;
pub mod mode;
pub mod plan;

pub use clock::{Clock, FakeClock, SystemClock};
pub use mode::Mode;
pub use plan::{Plan, PlanError, PlanRequest, Preset, QuestionRef, Thinking, civil_service};
