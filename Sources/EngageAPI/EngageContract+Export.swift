// The client is built on the contract types: whoever imports the client gets them too.
@_exported import EngageContract
