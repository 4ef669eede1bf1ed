//! Unit tests of the furniture stage.

use super::*;
