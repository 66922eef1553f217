"""One parsed-page model for HTML: links, page facts, chrome (menus, sidebars) and site template lines."""
