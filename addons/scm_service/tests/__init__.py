from . import test_service_core

# [areas]
from . import test_requests_ticket
from . import test_requests_list_queries
