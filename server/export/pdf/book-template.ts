/**
 * The book's design in Typst: page format, type, running heads, page numbers and the functions
 * that lay out the cover, the openings of parts and chapters, images, tool cards and the
 * colophon. It is fixed text: nothing written by people is ever part of it; the generated source
 * (book-source.ts) calls these functions with string literals and escaped content blocks.
 *
 * Page: 170 × 240 mm, a usual format for Dutch non-fiction; text block 124 × 186 mm, about 70
 * characters a line in 10.5 pt EB Garamond. The inside margin is the narrower one, as in print.
 * Every part and chapter opens on a right-hand page; the blank left-hand pages that this needs
 * carry no running head or number (`kp-end`/`kp-start` markers show where they are).
 */
export const BOOK_TEMPLATE = String.raw`
#set text(font: "EB Garamond", size: 10.5pt, fallback: false, hyphenate: true, number-type: "old-style")
#set par(justify: true, leading: 0.62em, spacing: 0.62em, first-line-indent: (amount: 1.2em, all: false), linebreaks: "optimized")
#set block(spacing: 1.1em)
#set smartquote(enabled: true)

// --- where a page's furniture comes from ---
#let plain-page() = [#metadata("plain") <kp-plain>]
#let opening-page() = [#metadata("opening") <kp-opening>]
#let recto-break() = [#metadata("end") <kp-end>#pagebreak(to: "odd", weak: true)#metadata("start") <kp-start>]

#let on-this-page(label) = {
  let page = here().page()
  query(label).any(marker => marker.location().page() == page)
}
#let is-blank-page() = {
  let page = here().page()
  let ends = query(<kp-end>).filter(marker => marker.location().page() < page)
  if ends.len() == 0 { false } else {
    let starts = query(selector(<kp-start>).after(ends.last().location()))
    starts.len() > 0 and starts.first().location().page() > page
  }
}

#let running-head = context {
  if not (on-this-page(<kp-plain>) or on-this-page(<kp-opening>) or is-blank-page()) {
    set text(size: 8.5pt, number-type: "lining", hyphenate: false)
    let number = counter(page).display()
    if calc.even(here().page()) {
      [#number #h(1fr) #smallcaps(all: false, running-book-title)]
    } else {
      let before = query(selector(heading.where(level: 1)).or(heading.where(level: 2)).before(here()))
      let title = if before.len() > 0 { before.last().body } else { running-book-title }
      [#smallcaps(title) #h(1fr) #number]
    }
  }
}
#let page-foot = context {
  if on-this-page(<kp-opening>) and not is-blank-page() {
    align(center, text(size: 8.5pt, number-type: "lining", counter(page).display()))
  }
}

#set page(
  width: 170mm, height: 240mm, binding: left,
  margin: (inside: 20mm, outside: 26mm, top: 25mm, bottom: 29mm),
  header: running-head, header-ascent: 40%,
  footer: page-foot, footer-descent: 40%,
  numbering: "i",
)

// --- headings ---
#show heading: set text(weight: "regular", hyphenate: false)
#show heading: set par(justify: false, first-line-indent: 0pt)
#show heading.where(level: 1): set text(size: 22pt)
#show heading.where(level: 1): set block(spacing: 0pt)
#show heading.where(level: 2): set text(size: 21pt)
#show heading.where(level: 2): set block(spacing: 0pt)
#show heading.where(level: 2): set par(leading: 0.45em)
#show heading.where(level: 3): set text(size: 12.5pt, weight: "semibold")
#show heading.where(level: 3): set block(above: 1.7em, below: 0.8em)
#show heading.where(level: 4): set text(size: 11pt, style: "italic")
#show heading.where(level: 4): set block(above: 1.4em, below: 0.7em)
#show heading.where(level: 5): it => block(above: 1.2em, below: 0.6em, smallcaps(all: true, it.body))

// --- running text ---
#set footnote.entry(separator: line(length: 22%, stroke: 0.4pt), gap: 0.45em, clearance: 1.2em, indent: 0pt)
#show footnote.entry: set text(size: 8.5pt)
#show footnote.entry: set par(leading: 0.5em, first-line-indent: 0pt)
#set list(marker: ([•], [–]), indent: 0.4em, body-indent: 0.6em)
#set enum(indent: 0.2em, body-indent: 0.6em)
#show list: set par(justify: false)
#show enum: set par(justify: false)
#set quote(block: true)
#show quote.where(block: true): it => pad(left: 1.4em, right: 1em, block(above: 1em, below: 1em, text(size: 9.75pt, it.body)))
#set table(
  stroke: (x, y) => (top: if y == 0 { 0.8pt } else { 0pt }, bottom: 0.4pt + luma(150)),
  inset: (x: 5pt, y: 4pt),
  align: left + top,
)
#show table: set text(size: 9pt, number-type: "lining", number-width: "tabular")
#show table: set par(justify: false, first-line-indent: 0pt, leading: 0.5em)
#show table.header: set text(weight: "semibold")
#show table: it => block(above: 1.2em, below: 1.2em, it)

#let dinkus() = align(center, block(above: 1.2em, below: 1.2em, text(size: 10pt, tracking: 0.6em)[\* \* \*]))

// Images float to the top or bottom of a page, as in print, instead of leaving half a page empty.
#let book-image(path, alt) = place(auto, float: true, clearance: 1.4em, block(width: 100%, layout(area => {
  let natural = measure(image(path))
  let scale = calc.min(1, area.width / natural.width, 110mm / natural.height)
  let picture = image(path, width: natural.width * scale, alt: alt)
  align(center, if alt == none { pdf.artifact(picture) } else { picture })
})))

#let tool-card(label, name, summary, url) = block(
  above: 1.3em, below: 1.3em, width: 100%, breakable: false,
  inset: (left: 10pt, right: 8pt, y: 8pt), fill: luma(245), stroke: (left: 1.2pt + luma(80)),
  {
    set par(justify: false, first-line-indent: 0pt, spacing: 0.45em)
    text(size: 7.5pt, tracking: 0.1em, number-type: "lining", upper(label))
    parbreak()
    text(size: 11pt, weight: "semibold", name)
    parbreak()
    text(size: 9.5pt, summary)
    if url != none { parbreak(); text(size: 8.5pt, link(url.at(0), url.at(1))) }
  },
)

// --- the book's openings ---
#let cover-page(image-path, alt, title, subtitle, editors) = page(margin: 0pt, header: none, footer: none, {
  plain-page()
  // The inside of the cover that follows is blank.
  [#metadata("end") <kp-end>]
  if image-path != none {
    image(image-path, width: 100%, height: 100%, fit: "cover", alt: alt)
  } else {
    block(width: 100%, height: 100%, fill: rgb("#1d3a4a"), inset: (x: 22mm, top: 44mm, bottom: 24mm), {
      set text(fill: white, hyphenate: false)
      set par(justify: false, first-line-indent: 0pt, leading: 0.4em)
      line(length: 30mm, stroke: 1.2pt + rgb("#e3b85c"))
      v(10mm)
      text(size: 34pt, title)
      if subtitle != none { v(8mm); set par(leading: 0.55em); text(size: 15pt, style: "italic", subtitle) }
      v(1fr)
      if editors != none { text(size: 12pt, tracking: 0.05em, editors) }
    })
  }
})

#let title-page(title, subtitle, editors, publisher) = {
  recto-break()
  plain-page()
  set par(justify: false, first-line-indent: 0pt)
  set text(hyphenate: false)
  align(center, {
    v(28mm)
    block(text(size: 26pt, title))
    if subtitle != none { v(6mm); block(text(size: 13pt, style: "italic", subtitle)) }
    v(18mm)
    if editors != none { block(text(size: 12pt, editors)) }
    v(1fr)
    if publisher != none { text(size: 10.5pt, tracking: 0.08em, smallcaps(all: false, publisher)) }
  })
}

#let colophon-page(body) = {
  pagebreak(weak: true)
  plain-page()
  v(1fr)
  set text(size: 8.5pt, number-type: "lining")
  set par(justify: false, first-line-indent: 0pt, spacing: 0.9em, leading: 0.5em)
  body
}

#let matter-opening(title, outlined: true) = {
  recto-break()
  opening-page()
  block(width: 100%, above: 0pt, below: 14mm, { v(24mm); heading(level: 1, outlined: outlined, bookmarked: true, title) })
}

#let contents-page(title) = {
  matter-opening(title, outlined: false)
  set par(justify: false, first-line-indent: 0pt)
  show outline.entry: set text(number-type: "lining")
  show outline.entry.where(level: 1): it => {
    v(1.1em, weak: true)
    link(it.element.location(), it.indented(none, [#smallcaps(all: false, it.body()) #box(width: 1fr, it.fill) #it.page()]))
  }
  show outline.entry.where(level: 2): it => { v(0.55em, weak: true); it }
  // In a container of its own: the entries' weak spacing would otherwise swallow the gap below the title.
  pad(top: 2mm, outline(title: none, depth: 2, indent: 1.2em))
}

#let main-matter() = {
  recto-break()
  counter(page).update(1)
}

#let part-page(label, title) = {
  recto-break()
  plain-page()
  set par(justify: false, first-line-indent: 0pt)
  align(center, {
    v(58mm)
    text(size: 9.5pt, tracking: 0.25em, number-type: "lining", upper(label))
    v(7mm)
    heading(level: 1, title)
  })
}

#let chapter-opening(label, title, credit) = {
  recto-break()
  opening-page()
  counter(footnote).update(0)
  // One block, so the first paragraph of the text follows a block and is not indented.
  block(width: 100%, above: 0pt, below: 14mm, {
    set par(justify: false, first-line-indent: 0pt)
    v(20mm)
    text(size: 9pt, tracking: 0.2em, number-type: "lining", upper(label))
    v(5mm)
    heading(level: 2, title)
    if credit != none { v(5mm); text(size: 10.5pt, style: "italic", credit) }
  })
}

#let back-entry(name, details, body, url) = block(above: 1.4em, below: 0.4em, breakable: true, {
  set par(first-line-indent: 0pt)
  block(below: 0.45em, sticky: true, {
    text(weight: "semibold", name)
    if details != none { h(0.5em); text(size: 9pt, style: "italic", details) }
  })
  if body != none { body }
  if url != none { block(above: 0.4em, text(size: 9pt, link(url.at(0), url.at(1)))) }
})
`;
