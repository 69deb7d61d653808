//! Interview plans, the session state machine and the clock (filled by the session work).
