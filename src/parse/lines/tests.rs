//! Unit tests of the lines stage.

use super::*;
