//! Image decoding with hard limits, and downscaling to the size that will be shown.
//!
//! Inputs are hostile: a file may be missing, truncated, not an image at all, or a
//! "decompression bomb" whose header claims 100000×100000 pixels. Every one of those
//! ends as a [`DecodeError`], never as a panic or an out-of-memory.

use std::fmt;
use std::io::{Cursor, Read};
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageError, ImageReader};

use super::PhotoSource;

/// Files larger than this are not read (a 4000×3000 camera JPEG is 3–8 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Widest or tallest image decoded.
pub const MAX_DIMENSION: u32 = 16_384;
/// Most memory one decode may take for the full-size pixels (before downscaling).
pub const MAX_ALLOC_BYTES: u64 = 256 * 1024 * 1024;

/// The limits one decode runs under.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DecodeLimits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Largest width and height, in pixels.
    pub max_dimension: u32,
    /// Largest allocation for the decoded full-size image, in bytes.
    pub max_alloc: u64,
}

impl Default for DecodeLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: MAX_FILE_BYTES,
            max_dimension: MAX_DIMENSION,
            max_alloc: MAX_ALLOC_BYTES,
        }
    }
}

/// A decoded, downscaled image: straight (not premultiplied) RGBA8, row by row.
#[derive(Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Width in pixels of `rgba`.
    pub width: u32,
    /// Height in pixels of `rgba`.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
    /// Size of the image in the file (after EXIF rotation), before downscaling.
    pub original: [u32; 2],
}

impl fmt::Debug for Decoded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The pixels would drown any test failure message.
        f.debug_struct("Decoded")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("original", &self.original)
            .finish_non_exhaustive()
    }
}

/// Why an image cannot be shown. `Display` gives the text of the card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// No file at that path.
    Missing,
    /// The file exists but cannot be read or decoded (the reason is for people).
    Unreadable(String),
    /// The file or the image it holds is over the limits.
    TooLarge,
    /// Not JPEG, PNG or WebP.
    Unsupported,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => f.write_str("image missing"),
            Self::Unreadable(reason) => write!(f, "unreadable: {reason}"),
            Self::TooLarge => f.write_str("image too large"),
            Self::Unsupported => f.write_str("unsupported image format"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes `source` and scales it down to fit inside `max` (width, height), keeping its
/// aspect ratio; a smaller image is never scaled up. EXIF orientation is applied.
pub fn decode(
    source: &PhotoSource,
    max: [u32; 2],
    limits: &DecodeLimits,
) -> Result<Decoded, DecodeError> {
    match source {
        PhotoSource::File(path) => {
            let bytes = read_capped(path, limits.max_file_bytes)?;
            decode_bytes(&bytes, max, limits)
        }
        PhotoSource::Bytes(bytes) => {
            if bytes.len() as u64 > limits.max_file_bytes {
                return Err(DecodeError::TooLarge);
            }
            decode_bytes(bytes, max, limits)
        }
    }
}

/// Reads a whole file, refusing it when it is over `cap` bytes (checked before reading,
/// and again while reading in case the file grows).
fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, DecodeError> {
    let file = std::fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_dir() {
        return Err(DecodeError::Unreadable("this is a folder".to_owned()));
    }
    if meta.len() > cap {
        return Err(DecodeError::TooLarge);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > cap {
        return Err(DecodeError::TooLarge);
    }
    Ok(bytes)
}

fn io_error(error: std::io::Error) -> DecodeError {
    match error.kind() {
        std::io::ErrorKind::NotFound => DecodeError::Missing,
        _ => DecodeError::Unreadable(short_reason(&error.to_string())),
    }
}

/// Decodes an image held in memory; see [`decode`].
pub fn decode_bytes(
    bytes: &[u8],
    max: [u32; 2],
    limits: &DecodeLimits,
) -> Result<Decoded, DecodeError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(io_error)?;
    if reader.format().is_none() {
        return Err(DecodeError::Unsupported);
    }
    let mut reader = reader;
    let mut image_limits = image::Limits::default();
    image_limits.max_image_width = Some(limits.max_dimension);
    image_limits.max_image_height = Some(limits.max_dimension);
    image_limits.max_alloc = Some(limits.max_alloc);
    reader.limits(image_limits);

    // `into_decoder` reads the header and checks the dimensions against the limits.
    let mut decoder = reader.into_decoder().map_err(image_error)?;
    // The same check `ImageReader::decode` makes before allocating the pixels.
    if decoder.total_bytes() > limits.max_alloc {
        return Err(DecodeError::TooLarge);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let full = DynamicImage::from_decoder(decoder).map_err(image_error)?;

    // Rotate after shrinking: rotating the full image would copy all of it.
    let swaps = matches!(
        orientation,
        image::metadata::Orientation::Rotate90
            | image::metadata::Orientation::Rotate270
            | image::metadata::Orientation::Rotate90FlipH
            | image::metadata::Orientation::Rotate270FlipH
    );
    let fit = if swaps { [max[1], max[0]] } else { max };
    let (w, h) = (full.width(), full.height());
    let mut small = if w > fit[0].max(1) || h > fit[1].max(1) {
        shrink(full, fit)
    } else {
        full
    };
    small.apply_orientation(orientation);
    let original = if swaps { [h, w] } else { [w, h] };
    let rgba = small.into_rgba8();
    Ok(Decoded {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
        original,
    })
}

/// Scales `image` down to fit `fit`, keeping its shape, by averaging the pixels that fall
/// into each output pixel. 8-bit images (every JPEG, most PNGs and WebPs) take a fast path
/// over the raw bytes; the rest go through `image`'s own thumbnail filter.
fn shrink(image: DynamicImage, fit: [u32; 2]) -> DynamicImage {
    let (w, h) = (image.width(), image.height());
    let [tw, th] = fit_size([w, h], fit);
    match image {
        DynamicImage::ImageRgb8(rgb) => {
            image::RgbImage::from_raw(tw, th, box_shrink(&rgb, [w, h], 3, [tw, th]))
                .map_or_else(|| DynamicImage::new_rgb8(tw, th), DynamicImage::ImageRgb8)
        }
        DynamicImage::ImageRgba8(rgba) => {
            image::RgbaImage::from_raw(tw, th, box_shrink(&rgba, [w, h], 4, [tw, th]))
                .map_or_else(|| DynamicImage::new_rgba8(tw, th), DynamicImage::ImageRgba8)
        }
        DynamicImage::ImageLuma8(luma) => {
            image::GrayImage::from_raw(tw, th, box_shrink(&luma, [w, h], 1, [tw, th]))
                .map_or_else(|| DynamicImage::new_luma8(tw, th), DynamicImage::ImageLuma8)
        }
        other => other.thumbnail_exact(tw, th),
    }
}

/// The largest size with the shape of `size` that fits in `fit` (at least 1×1).
fn fit_size(size: [u32; 2], fit: [u32; 2]) -> [u32; 2] {
    let [w, h] = size.map(|v| u64::from(v.max(1)));
    let [fw, fh] = fit.map(|v| u64::from(v.max(1)));
    // Compare w/h with fw/fh without floating point.
    let (tw, th) = if w * fh >= h * fw {
        (fw, (h * fw / w).max(1))
    } else {
        ((w * fh / h).max(1), fh)
    };
    [
        u32::try_from(tw).unwrap_or(u32::MAX),
        u32::try_from(th).unwrap_or(u32::MAX),
    ]
}

/// Box filter over raw interleaved 8-bit pixels: each source pixel is added to the one
/// output pixel it falls in, in a single pass over the source rows (which is what makes it
/// fast: memory is read in order, once).
fn box_shrink(src: &[u8], size: [u32; 2], channels: usize, target: [u32; 2]) -> Vec<u8> {
    let [w, h] = size.map(|v| v as usize);
    let [tw, th] = target.map(|v| (v as usize).max(1));
    let mut out = vec![0u8; tw * th * channels];
    if w == 0 || h == 0 || src.len() < w * h * channels {
        return out;
    }
    // Output column of each source column, and how many source columns each one gets.
    let column: Vec<usize> = (0..w).map(|x| (x * tw / w).min(tw - 1)).collect();
    let mut per_column = vec![0u64; tw];
    for &c in &column {
        if let Some(n) = per_column.get_mut(c) {
            *n += 1;
        }
    }
    let mut sums = vec![0u64; tw * channels];
    let mut rows_in = 0u64;
    let mut out_row = 0usize;
    for (y, row) in src.chunks_exact(w * channels).take(h).enumerate() {
        let target_row = (y * th / h).min(th - 1);
        if target_row != out_row {
            flush(
                &mut sums,
                &per_column,
                rows_in,
                channels,
                out_row,
                tw,
                &mut out,
            );
            rows_in = 0;
            out_row = target_row;
        }
        for (pixel, &c) in row.chunks_exact(channels).zip(&column) {
            if let Some(sum) = sums.get_mut(c * channels..c * channels + channels) {
                for (s, &v) in sum.iter_mut().zip(pixel) {
                    *s += u64::from(v);
                }
            }
        }
        rows_in += 1;
    }
    flush(
        &mut sums,
        &per_column,
        rows_in,
        channels,
        out_row,
        tw,
        &mut out,
    );
    out
}

/// Writes the averages of one output row and clears the sums.
fn flush(
    sums: &mut [u64],
    per_column: &[u64],
    rows: u64,
    channels: usize,
    out_row: usize,
    tw: usize,
    out: &mut [u8],
) {
    let start = out_row * tw * channels;
    if let Some(dest) = out.get_mut(start..start + tw * channels) {
        for ((d, s), i) in dest.iter_mut().zip(sums.iter()).zip(0..) {
            let n = per_column.get(i / channels).copied().unwrap_or(1) * rows;
            // Rounded average; n is 0 only for an empty column, which stays black.
            *d = s
                .checked_add(n / 2)
                .and_then(|t| t.checked_div(n))
                .unwrap_or(0)
                .min(255) as u8;
        }
    }
    sums.fill(0);
}

fn image_error(error: ImageError) -> DecodeError {
    match error {
        ImageError::Limits(_) => DecodeError::TooLarge,
        ImageError::Unsupported(_) => DecodeError::Unsupported,
        ImageError::IoError(e) => io_error(e),
        other => DecodeError::Unreadable(short_reason(&other.to_string())),
    }
}

/// Keeps a decoder's message short enough for a card (at most 120 characters).
fn short_reason(reason: &str) -> String {
    const MAX_CHARS: usize = 120;
    let reason = reason.trim();
    match reason.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &reason[..cut]),
        None => reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_pixel(width, height, image::Rgba([10, 20, 30, 255]));
        let mut out = Cursor::new(Vec::new());
        let written = image.write_to(&mut out, image::ImageFormat::Png);
        assert!(written.is_ok());
        out.into_inner()
    }

    #[test]
    fn small_image_is_not_scaled_up() {
        let decoded = decode_bytes(&png(40, 30), [200, 200], &DecodeLimits::default());
        let decoded = decoded.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((decoded.width, decoded.height), (40, 30));
        assert_eq!(decoded.rgba.len(), 40 * 30 * 4);
        assert_eq!(decoded.rgba.get(..4), Some(&[10, 20, 30, 255][..]));
    }

    #[test]
    fn large_image_fits_the_box_keeping_its_shape() {
        let decoded = decode_bytes(&png(400, 300), [100, 100], &DecodeLimits::default());
        let decoded = decoded.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((decoded.width, decoded.height), (100, 75));
        assert_eq!(decoded.original, [400, 300]);
    }

    #[test]
    fn text_is_unsupported() {
        let result = decode_bytes(b"not an image at all", [10, 10], &DecodeLimits::default());
        assert_eq!(result, Err(DecodeError::Unsupported));
    }

    #[test]
    fn dimension_limit_gives_too_large() {
        let limits = DecodeLimits {
            max_dimension: 100,
            ..DecodeLimits::default()
        };
        assert_eq!(
            decode_bytes(&png(101, 10), [10, 10], &limits),
            Err(DecodeError::TooLarge)
        );
    }

    #[test]
    fn box_shrink_averages_blocks() {
        // 4×2 grey levels, 1 channel, down to 2×1: each output is the mean of a 2×2 block.
        let src = [0, 10, 100, 200, 20, 30, 100, 0];
        assert_eq!(box_shrink(&src, [4, 2], 1, [2, 1]), vec![15, 100]);
        // Uneven ratio: 3 columns into 2 (the first gets 2 source columns, the second 1).
        let src = [10, 20, 90];
        assert_eq!(box_shrink(&src, [3, 1], 1, [2, 1]), vec![15, 90]);
        // Short input never panics.
        assert_eq!(box_shrink(&[1, 2], [4, 4], 1, [2, 2]), vec![0; 4]);
    }

    #[test]
    fn fit_size_keeps_the_shape() {
        assert_eq!(fit_size([4000, 3000], [192, 144]), [192, 144]);
        assert_eq!(fit_size([4000, 3000], [200, 200]), [200, 150]);
        assert_eq!(fit_size([3000, 4000], [200, 200]), [150, 200]);
        assert_eq!(fit_size([100_000, 1], [64, 64]), [64, 1]);
    }

    #[test]
    fn long_reasons_are_cut() {
        let long = "é".repeat(300);
        assert_eq!(short_reason(&long).chars().count(), 121);
        assert_eq!(short_reason(" short "), "short");
    }
}
