//! Indicator computation and the monitoring export.

pub mod catalogus;
