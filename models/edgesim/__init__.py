"""Edge task-placement simulator: network generation, observation tensors, placement cost, vectorised dynamics."""
