"""The portal's initial data: the facts of the source documents as plain Python data
(one module per app), and the service that loads them (`loader.initial_data_load`)."""
