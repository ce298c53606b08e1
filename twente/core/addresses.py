"""Detail addresses of many items at once: one reverse() with a placeholder slug, then
a string replace per item. Pages that link hundreds of items (the map, the sitemap)
spent most of their time in reverse()."""

SLUG_PLACEHOLDER = "address-slug-placeholder"


def detail_address_pattern(model):
    """`model`'s detail address in the active language, with SLUG_PLACEHOLDER for the slug."""
    return model(slug=SLUG_PLACEHOLDER).get_absolute_url()


def detail_address(pattern, slug):
    return pattern.replace(SLUG_PLACEHOLDER, slug)
