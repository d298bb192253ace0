"""The GraphQL gateway: who is asking, as which role, and only the projections that role may see."""
