"""Front ends turn one input document into the blocks every rule works on."""
