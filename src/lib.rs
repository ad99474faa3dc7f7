//! stance: tone and stance of news at corpus scale.
//!
//! The pipeline runs in stages, one module each:
//! corpus reading (`corpus`) -> layout (`article`) -> sentences (`segment`)
//! -> quotes and speakers (`quotes`) -> actors (`actors`) -> lexicon matching
//! and rules (`lexicon`, `proper_names`, `tone`) -> stance (`stance`) -> aggregation
//! (`aggregate`) -> reports (`report`). `pipeline` ties them together; the
//! types passed between stages live in `types`. `merge` joins the reports
//! of runs split into shards (`corpus::Shard`); `persons` turns the people
//! a run quoted into actor rows for the next run.

pub mod actors;
pub mod affiliation;
pub mod aggregate;
pub mod article;
pub mod corpus;
pub mod diff;
pub mod engine;
pub mod error;
pub mod eval;
pub mod explain;
pub mod formats;
pub mod lexicon;
pub mod merge;
pub mod offices;
pub mod persons;
pub mod pipeline;
pub mod proper_names;
pub mod quotes;
pub mod records;
pub mod report;
pub mod segment;
pub mod stance;
pub mod target_model;
pub mod tokenize;
pub mod tone;
pub mod types;
pub mod vader;
