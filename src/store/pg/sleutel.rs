//! (in opbouw)
