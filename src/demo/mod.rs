//! The deterministic demo register generator.
