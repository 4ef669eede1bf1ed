//! Draws the application icon, `assets/stenogram.png` (256×256, RGBA).
//!
//! ```text
//! cargo run --no-default-features --example make_icon
//! ```
//!
//! A sheet of transcript on a blue rounded square: the first line in amber for the speaker's
//! name, grey lines for what they said. Drawn at four times the size and averaged down, so
//! the edges are smooth; the output is deterministic.

use std::process::ExitCode;

use image::{Rgba, RgbaImage};

const OUT: &str = "assets/stenogram.png";
const SIZE: u32 = 256;
/// Samples per pixel along each axis.
const SCALE: u32 = 4;

const BACKGROUND: [u8; 4] = [38, 70, 120, 255];
const SHEET: [u8; 4] = [250, 248, 242, 255];
const NAME: [u8; 4] = [226, 140, 36, 255];
const LINE: [u8; 4] = [120, 128, 140, 255];

/// A rounded rectangle in icon pixels: left, top, right, bottom, corner radius.
struct Shape {
    rect: [f32; 4],
    radius: f32,
    color: [u8; 4],
}

impl Shape {
    fn contains(&self, x: f32, y: f32) -> bool {
        let [l, t, r, b] = self.rect;
        if x < l || x > r || y < t || y > b {
            return false;
        }
        // Distance from the nearest corner's centre, for points in a corner square.
        let cx = x.clamp(l + self.radius, r - self.radius);
        let cy = y.clamp(t + self.radius, b - self.radius);
        (x - cx).powi(2) + (y - cy).powi(2) <= self.radius.powi(2)
    }
}

fn shapes() -> Vec<Shape> {
    let mut shapes = vec![
        Shape {
            rect: [8.0, 8.0, 248.0, 248.0],
            radius: 48.0,
            color: BACKGROUND,
        },
        Shape {
            rect: [60.0, 36.0, 196.0, 220.0],
            radius: 10.0,
            color: SHEET,
        },
        Shape {
            rect: [80.0, 64.0, 150.0, 80.0],
            radius: 8.0,
            color: NAME,
        },
    ];
    for (i, right) in [176.0, 168.0, 176.0, 140.0, 176.0, 120.0]
        .into_iter()
        .enumerate()
    {
        let top = 98.0 + 19.0 * i as f32;
        shapes.push(Shape {
            rect: [80.0, top, right, top + 9.0],
            radius: 4.5,
            color: LINE,
        });
    }
    shapes
}

fn main() -> ExitCode {
    let shapes = shapes();
    let mut icon = RgbaImage::new(SIZE, SIZE);
    let step = 1.0 / SCALE as f32;
    for (px, py, pixel) in icon.enumerate_pixels_mut() {
        let mut sum = [0.0f32; 4];
        for sy in 0..SCALE {
            for sx in 0..SCALE {
                let x = px as f32 + (sx as f32 + 0.5) * step;
                let y = py as f32 + (sy as f32 + 0.5) * step;
                // The topmost shape under the sample, or transparent.
                let color = shapes
                    .iter()
                    .rev()
                    .find(|s| s.contains(x, y))
                    .map_or([0, 0, 0, 0], |s| s.color);
                // Premultiplied, so transparent samples do not darken the edges.
                let a = f32::from(color[3]) / 255.0;
                for c in 0..3 {
                    sum[c] += f32::from(color[c]) * a;
                }
                sum[3] += a;
            }
        }
        let n = (SCALE * SCALE) as f32;
        let alpha = sum[3] / n;
        let rgb = |c: usize| {
            if sum[3] > 0.0 {
                (sum[c] / sum[3]).round() as u8
            } else {
                0
            }
        };
        *pixel = Rgba([rgb(0), rgb(1), rgb(2), (alpha * 255.0).round() as u8]);
    }
    match icon.save(OUT) {
        Ok(()) => {
            println!("{OUT}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{OUT}: {e}");
            ExitCode::FAILURE
        }
    }
}
