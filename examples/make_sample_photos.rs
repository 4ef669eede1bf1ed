//! Draws the bundled sample's photos, or a folder of large test photos.
//!
//! ```text
//! cargo run --example make_sample_photos                 # assets/sample/01.jpg … 14.jpg
//! cargo run --example make_sample_photos -- --count 16   # a different number of photos
//! cargo run --release --example make_sample_photos -- --big DIR [--count 30]
//! ```
//!
//! The sample's pictures are generated, not photographed: a coloured gradient, a few
//! shapes standing for people, a table or flags, and the photo number in big blocky
//! digits. The output is deterministic, so regenerating gives the same files.
//!
//! `--big DIR` writes `DIR/event.txt` (a fictional transcript with that many numbered
//! captions) and `DIR/event/01.jpg …`, each 4000×3000 with grain so the JPEGs weigh what
//! camera photos do (a few MB). They are for measuring; never commit them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

const SAMPLE_DIR: &str = "assets/sample";
const SAMPLE_SIZE: (u32, u32) = (320, 240);
const SAMPLE_QUALITY: u8 = 70;
const BIG_SIZE: (u32, u32) = (4000, 3000);
const BIG_QUALITY: u8 = 90;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut big: Option<PathBuf> = None;
    let mut count: Option<u32> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--big" => big = args.next().map(PathBuf::from),
            "--count" => count = args.next().and_then(|n| n.parse().ok()),
            _ => {
                eprintln!("usage: make_sample_photos [--big DIR] [--count N]");
                return ExitCode::FAILURE;
            }
        }
    }
    let result = match big {
        Some(dir) => write_big(&dir, count.unwrap_or(30)),
        None => write_sample(Path::new(SAMPLE_DIR), count.unwrap_or(14)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("make_sample_photos: {error}");
            ExitCode::FAILURE
        }
    }
}

fn write_sample(dir: &Path, count: u32) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for number in 1..=count {
        let image = draw(number, SAMPLE_SIZE, 0);
        let path = dir.join(format!("{number:02}.jpg"));
        save_jpeg(&image, &path, SAMPLE_QUALITY)?;
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("{} ({} bytes)", path.display(), size);
    }
    Ok(())
}

fn write_big(dir: &Path, count: u32) -> Result<(), String> {
    let photos = dir.join("event");
    std::fs::create_dir_all(&photos).map_err(|e| format!("{}: {e}", photos.display()))?;
    let mut text = String::from(
        "Test event with large photos – 1 April 2024, 10:00, Testgrad\n\n\
         The delegations met to test how fast large photos appear.\n\n",
    );
    for number in 1..=count {
        text.push_str(&format!(
            "{number} Large test photo number {number}. Photo: Test Camera, Test Agency\n\n\
             The discussion went on after photo {number}.\n\n"
        ));
        let image = draw(number, BIG_SIZE, 24);
        let path = photos.join(format!("{number:02}.jpg"));
        save_jpeg(&image, &path, BIG_QUALITY)?;
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("{} ({} bytes)", path.display(), size);
    }
    let transcript = dir.join("event.txt");
    std::fs::write(&transcript, text).map_err(|e| format!("{}: {e}", transcript.display()))?;
    println!("{}", transcript.display());
    Ok(())
}

fn save_jpeg(image: &RgbImage, path: &Path, quality: u8) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut writer = std::io::BufWriter::new(file);
    JpegEncoder::new_with_quality(&mut writer, quality)
        .encode_image(image)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// One picture: a gradient sky and floor, a scene that depends on the number, the number.
fn draw(number: u32, (width, height): (u32, u32), grain: u8) -> RgbImage {
    let hue = (number as f32 * 47.0) % 360.0;
    let top = hsv(hue, 0.35, 0.95);
    let bottom = hsv((hue + 40.0) % 360.0, 0.55, 0.55);
    let floor = hsv((hue + 180.0) % 360.0, 0.25, 0.35);
    let horizon = height * 5 / 8;
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15 ^ u64::from(number));
    let mut image = RgbImage::from_fn(width, height, |x, y| {
        let base = if y < horizon {
            mix(top, bottom, y as f32 / horizon as f32)
        } else {
            mix(
                floor,
                [20, 20, 28],
                (y - horizon) as f32 / (height - horizon) as f32,
            )
        };
        // A soft light from the left, so the pictures do not look flat.
        let light = 1.0 - 0.25 * (x as f32 / width as f32);
        let mut pixel = base.map(|c| (f32::from(c) * light) as u8);
        if grain > 0 {
            for c in &mut pixel {
                let n = noise.next_in(u32::from(grain) * 2) as i32 - i32::from(grain);
                *c = (i32::from(*c) + n).clamp(0, 255) as u8;
            }
        }
        Rgb(pixel)
    });
    let unit = width.min(height) / 24;
    match number % 4 {
        0 => draw_table(&mut image, horizon, unit, hue),
        1 => draw_group(&mut image, horizon, unit, hue, 5 + number % 3),
        2 => draw_flags(&mut image, horizon, unit, hue),
        _ => draw_podium(&mut image, horizon, unit, hue),
    }
    draw_number(&mut image, number, unit);
    image
}

/// A row of people: a circle for a head on a rounded rectangle for a body.
fn draw_group(image: &mut RgbImage, horizon: u32, unit: u32, hue: f32, people: u32) {
    let width = image.width();
    for i in 0..people {
        let cx = width * (2 * i + 1) / (2 * people);
        let suit = hsv((hue + 200.0 + i as f32 * 25.0) % 360.0, 0.4, 0.3);
        let body_top = horizon - unit * 3;
        fill_rect(image, cx - unit * 3 / 2, body_top, unit * 3, unit * 6, suit);
        fill_circle(image, cx, body_top - unit, unit, [225, 190, 160]);
    }
}

/// A long table with people behind it.
fn draw_table(image: &mut RgbImage, horizon: u32, unit: u32, hue: f32) {
    let width = image.width();
    draw_group(image, horizon, unit, hue, 4);
    let wood = hsv(30.0, 0.6, 0.45);
    fill_rect(image, width / 10, horizon, width * 8 / 10, unit * 2, wood);
    fill_rect(
        image,
        width / 10,
        horizon + unit * 2,
        width * 8 / 10,
        unit / 2,
        [60, 40, 25],
    );
}

/// Flags on poles.
fn draw_flags(image: &mut RgbImage, horizon: u32, unit: u32, hue: f32) {
    let width = image.width();
    for i in 0..4u32 {
        let x = width * (2 * i + 1) / 8;
        fill_rect(
            image,
            x,
            horizon - unit * 10,
            unit / 3,
            unit * 10,
            [200, 200, 200],
        );
        let stripes = [
            hsv((hue + i as f32 * 90.0) % 360.0, 0.8, 0.9),
            [245, 245, 245],
            hsv((hue + 120.0 + i as f32 * 90.0) % 360.0, 0.8, 0.7),
        ];
        for (s, colour) in (0u32..).zip(stripes) {
            fill_rect(
                image,
                x + unit / 3,
                horizon - unit * 10 + s * unit,
                unit * 4,
                unit,
                colour,
            );
        }
    }
}

/// A speaker at a podium.
fn draw_podium(image: &mut RgbImage, horizon: u32, unit: u32, hue: f32) {
    let cx = image.width() / 2;
    let suit = hsv((hue + 220.0) % 360.0, 0.4, 0.25);
    fill_rect(
        image,
        cx - unit * 2,
        horizon - unit * 6,
        unit * 4,
        unit * 6,
        suit,
    );
    fill_circle(image, cx, horizon - unit * 7, unit * 3 / 2, [225, 190, 160]);
    fill_rect(
        image,
        cx - unit * 3,
        horizon - unit * 3,
        unit * 6,
        unit * 5,
        [90, 60, 40],
    );
    fill_circle(image, cx, horizon - unit, unit, [230, 200, 90]);
}

/// 5×7 bitmaps of the digits, one row per byte, bit 4 = leftmost column.
const DIGITS: [[u8; 7]; 10] = [
    [0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E],
    [0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E],
    [0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F],
    [0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E],
    [0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02],
    [0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E],
    [0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E],
    [0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
    [0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E],
    [0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C],
];

/// The photo number in white blocky digits with a dark shadow, top left.
fn draw_number(image: &mut RgbImage, number: u32, unit: u32) {
    let block = (unit * 2 / 3).max(2);
    let text = number.to_string();
    for (shadow, colour) in [(block / 2, [20, 20, 30]), (0, [250, 250, 250])] {
        let mut x = unit + shadow;
        for digit in text.bytes() {
            let rows = DIGITS
                .get(usize::from(digit.wrapping_sub(b'0')))
                .copied()
                .unwrap_or_default();
            for (r, bits) in (0u32..).zip(rows) {
                for c in 0..5u32 {
                    if bits & (0x10 >> c) != 0 {
                        fill_rect(
                            image,
                            x + c * block,
                            unit + shadow + r * block,
                            block,
                            block,
                            colour,
                        );
                    }
                }
            }
            x += block * 6;
        }
    }
}

fn fill_rect(image: &mut RgbImage, x: u32, y: u32, w: u32, h: u32, colour: [u8; 3]) {
    let (width, height) = image.dimensions();
    for py in y.min(height)..y.saturating_add(h).min(height) {
        for px in x.min(width)..x.saturating_add(w).min(width) {
            image.put_pixel(px, py, Rgb(colour));
        }
    }
}

fn fill_circle(image: &mut RgbImage, cx: u32, cy: u32, r: u32, colour: [u8; 3]) {
    let (width, height) = image.dimensions();
    let r2 = i64::from(r) * i64::from(r);
    for py in cy.saturating_sub(r)..cy.saturating_add(r).min(height) {
        for px in cx.saturating_sub(r)..cx.saturating_add(r).min(width) {
            let dx = i64::from(px) - i64::from(cx);
            let dy = i64::from(py) - i64::from(cy);
            if dx * dx + dy * dy <= r2 {
                image.put_pixel(px, py, Rgb(colour));
            }
        }
    }
}

fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> [u8; 3] {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2].map(|i| {
        let (a, b) = (f32::from(a[i]), f32::from(b[i]));
        (a + (b - a) * t) as u8
    })
}

fn hsv(hue: f32, saturation: f32, value: f32) -> [u8; 3] {
    let c = value * saturation;
    let h = hue / 60.0;
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = value - c;
    [r, g, b].map(|v| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8)
}

/// xorshift64: deterministic grain without a dependency.
struct Noise(u64);

impl Noise {
    fn next_in(&mut self, range: u32) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % u64::from(range.max(1))) as u32
    }
}
