"""Where articles come from: the one guarded fetcher, feeds (RSS, Atom, JSON Feed), feed entries,
and reading a source (file or URL). The only stage that does network or file I/O."""
