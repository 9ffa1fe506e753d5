from . import test_service_core

# [areas]
