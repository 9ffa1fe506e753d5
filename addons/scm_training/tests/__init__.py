from . import test_session_core

# [areas]
