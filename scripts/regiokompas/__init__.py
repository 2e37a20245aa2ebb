"""Regiokompas Jeugdhulp: validate the regions' YAML and generate the site's pages."""

__all__ = ["__version__"]
__version__ = "0.1.0"
