//! quanteda dictionaries in YAML: each key maps to a list of glob patterns
//! (a space makes a phrase), to one pattern, or to nested keys; a nested
//! key's category is the path of keys joined by "." ("AFRICA.EAST.KE").
//! Read with yaml-rust2's event parser, which gives every pattern its line
//! (serde_yaml is deprecated and serde_yml an unmaintained shim; yaml-rust2
//! is maintained, pure Rust and without serde).

use super::{pattern_term, Grouped, Parsed};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

pub(crate) fn parse(text: &str) -> Parsed {
    let mut reader = Reader::default();
    if let Err(e) = Parser::new_from_str(text).load(&mut reader, false) {
        let line = e.marker().line() as u64;
        reader.out.skip(line, format!("YAML error: {}", e.info()));
    }
    let mut out = reader.out;
    out.entries = reader.grouped.into_entries();
    out
}

/// Where the reader is in the document.
enum Frame {
    /// A mapping, with the key read and awaiting its value.
    Mapping { key: Option<String> },
    /// The list of patterns of a category.
    Patterns { category: String },
    /// A structure quanteda does not read (a list inside a list).
    Ignored,
}

#[derive(Default)]
struct Reader {
    frames: Vec<Frame>,
    /// The keys of the enclosing mappings.
    path: Vec<String>,
    grouped: Grouped,
    out: Parsed,
}

impl Reader {
    fn category(&self, key: &str) -> String {
        let mut parts = self.path.clone();
        parts.push(key.to_string());
        parts.join(".")
    }

    fn pattern(&mut self, raw: &str, category: &str, line: u64) {
        match pattern_term(raw) {
            Ok(term) => {
                self.grouped.add(term, category, line);
            }
            Err(e) => self.out.skip(line, e),
        }
    }

    fn scalar(&mut self, value: String, line: u64) {
        match self.frames.last_mut() {
            Some(Frame::Mapping { key: key @ None }) => *key = Some(value),
            Some(Frame::Mapping { key: key @ Some(_) }) => {
                let k = key.take().unwrap_or_default();
                let category = self.category(&k);
                self.pattern(&value, &category, line);
            }
            Some(Frame::Patterns { category }) => {
                let category = category.clone();
                self.pattern(&value, &category, line);
            }
            Some(Frame::Ignored) => {}
            None => self
                .out
                .skip(line, "a dictionary is a mapping of keys to patterns"),
        }
    }

    /// The value of the pending key has been read.
    fn end_value(&mut self) {
        if let Some(Frame::Mapping { key }) = self.frames.last_mut() {
            *key = None;
        }
    }

    fn start(&mut self, mapping: bool, line: u64) {
        let frame = match self.frames.last() {
            None if mapping => Frame::Mapping { key: None },
            Some(Frame::Mapping { key: Some(k) }) if mapping => {
                self.path.push(k.clone());
                Frame::Mapping { key: None }
            }
            Some(Frame::Mapping { key: Some(k) }) => Frame::Patterns {
                category: self.category(&k.clone()),
            },
            Some(Frame::Ignored) => Frame::Ignored,
            _ => {
                self.out.skip(line, "nested lists are not dictionary keys");
                Frame::Ignored
            }
        };
        self.frames.push(frame);
    }

    fn end(&mut self) {
        let frame = self.frames.pop();
        if matches!(frame, Some(Frame::Mapping { .. })) && !self.frames.is_empty() {
            self.path.pop();
        }
        self.end_value();
    }
}

impl MarkedEventReceiver for Reader {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let line = mark.line() as u64;
        match event {
            Event::Scalar(value, ..) => self.scalar(value, line),
            Event::MappingStart(..) => self.start(true, line),
            Event::SequenceStart(..) => self.start(false, line),
            Event::MappingEnd | Event::SequenceEnd => self.end(),
            _ => {}
        }
    }
}
