use std::time::Instant;
fn main() {
    let hearing = include_str!("../tests/fixtures/hearing_en.txt");
    let typed = hearing.repeat(2_000_000 / hearing.len() + 1);
    let web = stenogram::synth::generate(&stenogram::synth::SynthSpec::of_size(2_000_000, 1));
    for (name, text) in [("hearing", &typed), ("web", &web)] {
        let mut best = f64::MAX;
        let mut best_parse = f64::MAX;
        for _ in 0..15 {
            let t = Instant::now();
            let lines = stenogram::parse::normalize::prepare_lines(text);
            best = best.min(t.elapsed().as_secs_f64());
            std::hint::black_box(lines);
            let t = Instant::now();
            let tr = stenogram::parse::parse_text(text);
            best_parse = best_parse.min(t.elapsed().as_secs_f64());
            std::hint::black_box(tr);
        }
        println!(
            "{name} {} bytes: prepare_lines {:.1} ms, parse_text {:.1} ms",
            text.len(),
            best * 1e3,
            best_parse * 1e3
        );
    }
}
