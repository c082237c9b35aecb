"""Outputs built from the analysed handbook: page HTML transforms, quiz assets, search,
progress data, the printable manual. Plain functions; the MkDocs hooks call them."""
