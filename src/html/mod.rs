//! HTML pages: embeds read from their markup, the rest of the page as article text.
//!
//! Not yet implemented (issue 4): an HTML page is scanned as text.

use crate::detect::Detector;
use crate::document::Document;
use crate::Extraction;

/// Scans an HTML page: embeds from the markup, text-shaped posts and quotes from the prose.
pub fn extract(doc: &Document, detector: &Detector) -> Extraction {
    crate::extract_text(doc, detector)
}
