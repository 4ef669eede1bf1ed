//! Measures how fast the photo worker pool turns a folder of large photos into thumbnails,
//! without a window: the figures in the README's "Photos" section.
//!
//! ```text
//! cargo run --release --example make_sample_photos -- --big big-photos --count 30
//! cargo run --release --no-default-features --example photo_load_bench -- big-photos/event.txt
//! ```
//!
//! Prints the time until every thumbnail has arrived, the slowest single result, the time
//! of one screen-sized decode (what the viewer asks for), and the peak memory.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use image::GenericImageView as _;
use stenogram::model::PhotoId;
use stenogram::photos::decode::{DecodeLimits, decode, decode_bytes};
use stenogram::photos::{ImageKey, Loader, PhotoImage, Priority, discover};

/// Twice the timeline card's 96×72 points, as the app asks at 1× or 2× scale.
const THUMB: [u32; 2] = [192, 144];
/// A screen-sized request, as the viewer makes on a 1920×1080 screen.
const SCREEN: [u32; 2] = [2048, 1536];

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: photo_load_bench TRANSCRIPT");
        return ExitCode::FAILURE;
    };
    let transcript = match stenogram::load_file(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let files = discover(&path, &transcript);
    let sources: Vec<_> = files
        .by_photo
        .iter()
        .enumerate()
        .filter_map(|(i, image)| match image {
            PhotoImage::Source(source) => Some((PhotoId::from(i), source.clone())),
            _ => None,
        })
        .collect();
    println!(
        "{} photos, {} with an image in {:?}",
        transcript.photos.len(),
        sources.len(),
        files.folder
    );

    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let loader = Loader::new(
        Loader::default_workers(),
        Box::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        }),
    );
    let started = Instant::now();
    for (photo, source) in &sources {
        let key = ImageKey {
            photo: *photo,
            max: THUMB,
        };
        loader.request(key, source.clone(), Priority::Visible);
    }
    let mut arrived = 0;
    let mut failed = 0;
    let mut gaps = Vec::new();
    let mut last = started;
    let deadline = started + Duration::from_secs(600);
    while arrived < sources.len() && Instant::now() < deadline {
        match loader.try_recv() {
            Some(loaded) => {
                arrived += 1;
                if loaded.result.is_err() {
                    failed += 1;
                }
                gaps.push(last.elapsed());
                last = Instant::now();
            }
            None => std::thread::sleep(Duration::from_millis(1)),
        }
    }
    let total = started.elapsed();
    let first = gaps.first().copied().unwrap_or_default();
    println!(
        "{arrived} thumbnails ({failed} failed) with {} workers: first after {:.0} ms, all after {:.2} s ({:.0} ms per photo); {} wake-ups",
        loader.workers(),
        first.as_secs_f64() * 1000.0,
        total.as_secs_f64(),
        total.as_secs_f64() * 1000.0 / arrived.max(1) as f64,
        wakes.load(Ordering::SeqCst),
    );

    if let Some((_, stenogram::photos::PhotoSource::File(path))) = sources.first() {
        // Where one thumbnail's time goes: decoding the JPEG, then shrinking it.
        let bytes = std::fs::read(path).unwrap_or_default();
        let t = Instant::now();
        let full = image::load_from_memory(&bytes).map(|i| i.dimensions());
        let decoded = t.elapsed();
        let t = Instant::now();
        let small = decode_bytes(&bytes, THUMB, &DecodeLimits::default());
        let both = t.elapsed();
        println!(
            "one photo {full:?} on one thread: decode {:.0} ms, decode and shrink to {:?} {:.0} ms",
            decoded.as_secs_f64() * 1000.0,
            small.map(|d| (d.width, d.height)).ok(),
            both.as_secs_f64() * 1000.0
        );
    }
    if let Some((_, source)) = sources.first() {
        let one = Instant::now();
        let result = decode(source, SCREEN, &DecodeLimits::default());
        let size = result.as_ref().map(|d| (d.width, d.height)).ok();
        println!(
            "one screen-sized decode ({size:?}) on one thread: {:.0} ms",
            one.elapsed().as_secs_f64() * 1000.0
        );
    }
    if let Some(peak) = peak_memory_mib() {
        println!("peak memory (VmHWM): {peak} MiB");
    }
    ExitCode::SUCCESS
}

fn peak_memory_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
