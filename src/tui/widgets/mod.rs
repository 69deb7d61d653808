//! Widgets shared by the screens.

pub mod bars;
pub mod countdown;
pub mod editor;
pub mod footer;
pub mod highlight;
pub mod wrap;
