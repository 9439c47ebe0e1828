//! Indicator computation and the monitoring export.
