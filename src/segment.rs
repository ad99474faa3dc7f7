//! Sentence segmentation: splits each paragraph of a laid-out article into
//! sentences with byte offsets.

use crate::types::{Layout, Sentence, Span};

/// Splits every paragraph of `layout` (headline included) into sentences.
pub fn split_sentences(text: &str, layout: &Layout) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (paragraph, span) in layout.paragraphs.iter().enumerate() {
        let mut start = span.start;
        let body = span.of(text);
        for (i, _) in body.match_indices(". ") {
            let end = span.start + i + 1;
            sentences.push(Sentence {
                span: Span::new(start, end),
                paragraph,
            });
            start = end + 1;
        }
        if start < span.end {
            sentences.push(Sentence {
                span: Span::new(start, span.end),
                paragraph,
            });
        }
    }
    sentences
}
