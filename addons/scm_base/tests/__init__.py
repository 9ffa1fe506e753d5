from . import test_workday
from . import test_approval
from . import test_signature
from . import test_numbering
from . import test_records
from . import test_organization
from . import test_security
from . import test_http
