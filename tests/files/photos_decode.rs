//! Decoding under limits: good images shrink to the box, bad ones give the right card
//! and never panic or run out of memory.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use stenogram::photos::decode::{DecodeLimits, decode, decode_bytes};
use stenogram::photos::{DecodeError, PhotoSource};

fn encoded(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let image = image::RgbaImage::from_fn(width, height, |x, y| {
        image::Rgba([(x % 256) as u8, (y % 256) as u8, 128, 255])
    });
    let mut out = Cursor::new(Vec::new());
    let image = image::DynamicImage::ImageRgba8(image);
    let image = if format == image::ImageFormat::Jpeg {
        image::DynamicImage::ImageRgb8(image.to_rgb8())
    } else {
        image
    };
    image
        .write_to(&mut out, format)
        .unwrap_or_else(|e| panic!("{e}"));
    out.into_inner()
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PhotoSource {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    PhotoSource::File(path)
}

fn limits() -> DecodeLimits {
    DecodeLimits::default()
}

#[test]
fn jpeg_png_and_webp_shrink_to_the_box() {
    for format in [
        image::ImageFormat::Jpeg,
        image::ImageFormat::Png,
        image::ImageFormat::WebP,
    ] {
        let bytes = encoded(800, 600, format);
        let decoded = decode_bytes(&bytes, [200, 200], &limits())
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!((decoded.width, decoded.height), (200, 150), "{format:?}");
        assert_eq!(decoded.original, [800, 600]);
        assert_eq!(decoded.rgba.len(), 200 * 150 * 4);
    }
}

#[test]
fn the_extension_does_not_matter_the_bytes_do() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let png_named_jpg = file(
        dir.path(),
        "1.jpg",
        &encoded(10, 10, image::ImageFormat::Png),
    );
    let decoded = decode(&png_named_jpg, [64, 64], &limits())
        .unwrap_or_else(|e| panic!("a PNG named .jpg decodes: {e}"));
    // Read as the PNG it is, at its own size (never enlarged to the box).
    assert_eq!((decoded.width, decoded.height), (10, 10));
    assert_eq!(decoded.original, [10, 10]);
    assert_eq!(decoded.rgba.len(), 10 * 10 * 4);
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let source = PhotoSource::File(dir.path().join("nope.jpg"));
    assert_eq!(
        decode(&source, [64, 64], &limits()),
        Err(DecodeError::Missing)
    );
    assert_eq!(DecodeError::Missing.to_string(), "image missing");
}

#[test]
fn corrupt_images_are_unreadable_with_a_reason() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let jpeg = encoded(300, 200, image::ImageFormat::Jpeg);
    let png = encoded(300, 200, image::ImageFormat::Png);
    let webp = encoded(300, 200, image::ImageFormat::WebP);
    let cases: [(&str, &[u8]); 3] = [
        // Cut inside the JPEG headers (before any pixel data).
        ("1.jpg", jpeg.get(..40).unwrap_or_default()),
        // Header intact, pixel data cut short.
        ("2.png", png.get(..png.len() / 3).unwrap_or_default()),
        ("3.webp", webp.get(..webp.len() / 3).unwrap_or_default()),
    ];
    for (name, bytes) in cases {
        let source = file(dir.path(), name, bytes);
        match decode(&source, [64, 64], &limits()) {
            Err(DecodeError::Unreadable(reason)) => {
                assert!(!reason.is_empty(), "{name}");
                assert!(reason.chars().count() <= 121, "{name}: {reason}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn a_jpeg_cut_in_its_pixel_data_shows_what_is_there() {
    // Like a browser, the JPEG decoder fills the missing part instead of failing: the
    // photo still appears, with its lower part grey.
    let jpeg = encoded(300, 200, image::ImageFormat::Jpeg);
    let cut = jpeg.get(..jpeg.len() / 2).unwrap_or_default();
    let decoded = decode_bytes(cut, [64, 64], &limits()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decoded.original, [300, 200]);
}

#[test]
fn a_folder_is_unreadable() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let source = PhotoSource::File(dir.path().to_path_buf());
    assert!(matches!(
        decode(&source, [64, 64], &limits()),
        Err(DecodeError::Unreadable(_))
    ));
}

#[test]
fn not_an_image_is_unsupported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = file(
        dir.path(),
        "4.png",
        b"<html>this is a saved web page</html>",
    );
    assert_eq!(
        decode(&text, [64, 64], &limits()),
        Err(DecodeError::Unsupported)
    );
    // GIF is an image, but not one Stenogram decodes.
    let gif = PhotoSource::Bytes(Arc::from(&b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"[..]));
    assert_eq!(
        decode(&gif, [64, 64], &limits()),
        Err(DecodeError::Unsupported)
    );
}

/// CRC-32 (ISO-HDLC), as PNG chunks carry.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A real 1×1 PNG whose header is rewritten to claim `width`×`height`.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = encoded(1, 1, image::ImageFormat::Png);
    // Signature (8) + length (4) + "IHDR" (4), then width and height, ..., CRC at 29.
    assert_eq!(bytes.get(12..16), Some(&b"IHDR"[..]));
    bytes.splice(16..20, width.to_be_bytes());
    bytes.splice(20..24, height.to_be_bytes());
    let crc = bytes.get(12..29).map(crc32).unwrap_or_default();
    bytes.splice(29..33, crc.to_be_bytes());
    bytes
}

/// A real 16×16 JPEG whose frame header is rewritten to claim `width`×`height`.
fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = encoded(16, 16, image::ImageFormat::Jpeg);
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .unwrap_or_else(|| panic!("no SOF0 marker"));
    // FF C0, length (2), precision (1), height (2), width (2).
    bytes.splice(sof + 5..sof + 7, height.to_be_bytes());
    bytes.splice(sof + 7..sof + 9, width.to_be_bytes());
    bytes
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_decompression_bomb_is_too_large_not_out_of_memory() {
    let before = peak_rss_kib();
    let bomb = png_claiming(100_000, 100_000);
    assert_eq!(
        decode_bytes(&bomb, [64, 64], &limits()),
        Err(DecodeError::TooLarge)
    );
    assert_eq!(DecodeError::TooLarge.to_string(), "image too large");
    // Under the dimension limit but over the allocation limit: 16000×16000 RGBA is 1 GB.
    let wide = png_claiming(16_000, 16_000);
    assert_eq!(
        decode_bytes(&wide, [64, 64], &limits()),
        Err(DecodeError::TooLarge)
    );
    let jpeg = jpeg_claiming(60_000, 60_000);
    assert_eq!(
        decode_bytes(&jpeg, [64, 64], &limits()),
        Err(DecodeError::TooLarge)
    );
    // Nothing close to the claimed size was allocated.
    if let (Some(before), Some(after)) = (before, peak_rss_kib()) {
        assert!(
            after.saturating_sub(before) < 100 * 1024,
            "peak grew by {} KiB",
            after - before
        );
    }
}

#[test]
fn a_file_over_the_size_cap_is_too_large_and_not_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let source = file(
        dir.path(),
        "big.png",
        &encoded(64, 64, image::ImageFormat::Png),
    );
    let small_cap = DecodeLimits {
        max_file_bytes: 100,
        ..limits()
    };
    assert_eq!(
        decode(&source, [64, 64], &small_cap),
        Err(DecodeError::TooLarge)
    );
}
