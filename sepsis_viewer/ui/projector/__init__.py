"""The classroom projector: slides for the audience, a presenter view for the teacher."""
