//! Building elements with the DOM's own calls, for the renderers that draw a frame once and then write
//! only what a step changed (a Leptos view per node or edge costs far more code for the same result).

use leptos::prelude::document;

const SVG: &str = "http://www.w3.org/2000/svg";

/// A new element (in the SVG namespace with `svg`) with its attributes.
pub fn element(svg: bool, tag: &str, attributes: &[(&str, &str)]) -> web_sys::Element {
    let document = document();
    let element = if svg {
        document.create_element_ns(Some(SVG), tag)
    } else {
        document.create_element(tag)
    }
    .expect("a valid tag");
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    element
}

pub fn append(parent: &web_sys::Element, child: &web_sys::Element) {
    let _ = parent.append_child(child);
}
