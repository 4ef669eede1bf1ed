//! Unit tests of the wrap stage.

use super::*;
