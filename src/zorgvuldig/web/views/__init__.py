"""The web pages. Thin views: they call the gate's services and render its frozen values."""
