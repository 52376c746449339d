// Configuration resolution lands here (flags, environment, waldur-cli credentials).
import WaldurClient
