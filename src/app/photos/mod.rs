//! Photos on screen: the texture cache that panels ask for thumbnails, and the large photo
//! viewer.

pub mod photo_viewer;
pub mod thumbnails;
