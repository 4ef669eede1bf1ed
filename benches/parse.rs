//! Parse throughput, side by side with counting lines with `memchr` (the floor any parser
//! of this text stands on): the ratio of the two is the figure recorded in
//! `docs/PERFORMANCE.md`, since both run in the same process on the same, possibly busy,
//! machine. Decoding is measured on the same bytes.
//!
//! ```text
//! cargo bench --no-default-features --features synth --bench parse
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use stenogram::synth::{SynthSpec, generate};

/// Size of the generated transcript: 100 MB, large enough that line counting runs at
/// memory speed rather than from the cache.
const SYNTH_SIZE: usize = 100_000_000;
/// Size of the repeated sample: its many captions and lists make it slower per byte, so a
/// smaller input keeps the run short.
const SIZE: usize = 10_000_000;

/// The bundled sample, repeated to about [`SIZE`] bytes.
fn sample_text() -> String {
    let sample = include_str!("../assets/sample.txt");
    let mut text = String::with_capacity(SIZE + sample.len() + 1);
    while text.len() < SIZE {
        text.push_str(sample);
        if !sample.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

fn count_lines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// Line counting, parsing and decoding of one input, in one group so they share a report.
fn measure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, text: &str) {
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("memchr_lines", |b| b.iter(|| count_lines(black_box(text))));
    group.bench_function("parse_text", |b| {
        b.iter(|| stenogram::parse_text(black_box(text)))
    });
    group.bench_function("decode", |b| {
        b.iter(|| stenogram::decode::decode(black_box(text.as_bytes())))
    });
}

fn parse(c: &mut Criterion) {
    let synth = generate(&SynthSpec::of_size(SYNTH_SIZE, 1));
    let mut group = c.benchmark_group("synth_100MB");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    measure(&mut group, &synth);
    group.finish();

    let sample = sample_text();
    let mut group = c.benchmark_group("sample_10MB");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    measure(&mut group, &sample);
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
