//! The chart: p50 latency per engine and scale, log scale, as a PNG.
//!
//! Drawn with plotters' bitmap backend; text uses DejaVu Sans embedded in
//! the binary (the `dejavu` crate), so no system font is needed.

use std::path::Path;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::report::{ScaleResult, Status, ENGINES};
use crate::Result;

const COLORS: [RGBColor; 7] = [
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
    RGBColor(0x7f, 0x7f, 0x7f),
];

/// A bar's value, two or three significant digits.
fn label(v: f64) -> String {
    if v >= 10.0 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.1}")
    } else if v >= 0.1 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

fn register_font() {
    static FONT: Once = Once::new();
    FONT.call_once(|| {
        // A bundled, valid TrueType font: registering cannot fail.
        let _ = plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            dejavu::sans::regular(),
        );
    });
}

/// Draws the chart of `scales` into `path` (PNG).
///
/// # Errors
/// When no scale has figures, or the file cannot be written.
pub fn draw(scales: &[ScaleResult], path: &Path) -> Result<()> {
    register_font();
    let scales: Vec<&ScaleResult> = scales
        .iter()
        .filter(|s| s.engines.iter().any(|e| e.query.is_some()))
        .collect();
    if scales.is_empty() {
        return Err("no measured scale".into());
    }
    let engines: Vec<&str> = ENGINES
        .iter()
        .copied()
        .filter(|name| {
            scales.iter().any(|s| {
                s.engines
                    .iter()
                    .any(|e| e.engine == *name && e.status == Status::Ok)
            })
        })
        .collect();
    let p50 = |scale: &ScaleResult, engine: &str| {
        scale
            .engines
            .iter()
            .find(|e| e.engine == engine)
            .and_then(|e| e.query.as_ref())
            .map(|q| q.best.p50_ms.max(1e-4))
    };
    let values: Vec<f64> = scales
        .iter()
        .flat_map(|s| engines.iter().filter_map(|e| p50(s, e)))
        .collect();
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(0.0, f64::max);
    let y_min = 10f64.powf(low.log10().floor());
    let y_max = 10f64.powf(high.log10().ceil() + 0.3);

    let root = BitMapBackend::new(path, (1000, 560)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "Query latency, p50 on one core (lower is better)",
            ("sans-serif", 24),
        )
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(80)
        .build_cartesian_2d(0f64..scales.len() as f64, (y_min..y_max).log_scale())?;
    let labels: Vec<String> = scales
        .iter()
        .map(|s| format!("{} services ({})", s.services, s.label))
        .collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(scales.len() * 2 + 1)
        .x_label_formatter(&|x| {
            let i = (*x - 0.5).round();
            if (x - 0.5 - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < labels.len() {
                labels[i as usize].clone()
            } else {
                String::new()
            }
        })
        .y_desc("milliseconds (log scale)")
        .y_label_formatter(&|y| {
            if *y >= 1.0 {
                format!("{y:.0}")
            } else {
                format!("{y}")
            }
        })
        .label_style(("sans-serif", 15))
        .draw()?;
    let width = 0.8 / engines.len() as f64;
    for (i, engine) in engines.iter().enumerate() {
        let color = COLORS[ENGINES.iter().position(|e| e == engine).unwrap_or(0) % COLORS.len()];
        let bars: Vec<(f64, f64)> = scales
            .iter()
            .enumerate()
            .filter_map(|(s, scale)| {
                p50(scale, engine).map(|v| (s as f64 + 0.1 + i as f64 * width, v))
            })
            .collect();
        chart
            .draw_series(
                bars.iter().map(|&(x, v)| {
                    Rectangle::new([(x, y_min), (x + width * 0.9, v)], color.filled())
                }),
            )?
            .label(*engine)
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], color.filled()));
        chart.draw_series(
            bars.iter()
                .map(|&(x, v)| Text::new(label(v), (x, v * 1.15), ("sans-serif", 12))),
        )?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font(("sans-serif", 15))
        .draw()?;
    root.present()?;
    Ok(())
}
