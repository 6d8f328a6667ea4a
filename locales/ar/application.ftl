# The application flow.
