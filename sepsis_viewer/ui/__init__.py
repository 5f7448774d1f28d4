"""The Qt views of the infographic: the only package that imports Qt."""
