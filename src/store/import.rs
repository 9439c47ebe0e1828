//! Import of the exchange format `wijkregister-jsonl` v1: streaming,
//! all-or-nothing, every error with line number, field and reason.
